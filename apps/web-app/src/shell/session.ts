import type { Principal, SignedIn } from '../api/types';

/**
 * The signed-in person: the access token lives in memory only; the refresh token is an HttpOnly cookie scripts never
 * see (a reload signs in again through POST /api/auth/refresh).
 */
export interface Session {
  accessToken: string;
  user: Principal;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

export const session = {
  get: (): Session | null => current,
  set: (signedIn: SignedIn | null): void => {
    current = signedIn ? { accessToken: signedIn.accessToken, user: signedIn.user } : null;
    for (const l of listeners) l();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Swaps the refresh cookie for a new access token; false when there is no session to resume. */
export async function resumeSession(): Promise<boolean> {
  const res = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) return false;
  session.set((await res.json()) as SignedIn);
  return true;
}
