import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { Me, ProcessView } from '../api/types';
import type { Labels } from '../i18n/lang';

/** The processes (GET /api/processes: commands, stages, events with their labels) and what this person may do. */
export interface Catalogue {
  processes: ProcessView[];
  me: Me | null;
  byType: (caseType: string) => ProcessView | undefined;
  stage: (caseType: string, stage: string) => Labels;
  event: (caseType: string, type: string) => Labels;
  command: (caseType: string, type: string) => Labels;
  can: (action: string) => boolean;
}

const fallback = (slug: string): Labels => ({ zh: slug, en: slug });

export function catalogueOf(processes: ProcessView[], me: Me | null): Catalogue {
  const byType = (caseType: string) => processes.find((p) => p.caseType === caseType);
  return {
    processes,
    me,
    byType,
    stage: (caseType, stage) =>
      (byType(caseType)?.stages ?? processes.flatMap((p) => p.stages)).find((s) => s.stage === stage)?.labels ?? fallback(stage),
    event: (caseType, type) => byType(caseType)?.events.find((e) => e.type === type)?.labels ?? fallback(type),
    command: (caseType, type) => {
      const p = byType(caseType);
      return [...(p?.openings ?? []), ...(p?.commands ?? [])].find((c) => c.type === type)?.labels ?? fallback(type);
    },
    can: (action) => (me?.permissions['actions'] ?? []).includes(action),
  };
}

const Context = createContext<Catalogue | null>(null);

export function CatalogueProvider({ children }: { children: ReactNode }) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    void Promise.all([typed(api.GET('/api/processes')), typed(api.GET('/api/auth/me'))]).then(([p, me]) =>
      setCatalogue(catalogueOf(p.ok ? p.data.processes : [], me.ok ? me.data : null)),
    );
  }, []);
  if (!catalogue) return <p className="muted">加载中… / loading…</p>;
  return <Context.Provider value={catalogue}>{children}</Context.Provider>;
}

export function useCatalogue(): Catalogue {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useCatalogue outside CatalogueProvider');
  return ctx;
}
