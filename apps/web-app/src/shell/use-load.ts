import { useEffect, useRef, useState } from 'react';
import type { Result } from '../api/raw';
import type { ApiErrorBody } from '../api/types';

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiErrorBody };

/**
 * Loads on mount and whenever `deps` change (what was shown stays until the new answer comes); `reload` loads again
 * (after a command). `load` may be a new function each render: the latest is called.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const key = JSON.stringify(deps);
  useEffect(() => {
    let live = true;
    void latest.current().then((r) => {
      if (live) setLoaded(r.ok ? { state: 'ok', data: r.data } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [key, tick]);
  return [loaded, () => setTick((n) => n + 1)];
}
