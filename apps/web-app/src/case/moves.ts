import { call } from '../api/raw';
import type { Labels } from '../i18n/lang';
import type { CaseView, ProcessView } from '../api/types';

/** One command the case accepts now (GET /api/cases/:caseId/moves, branch `moves`): who may send it, by when. */
export interface Move {
  command: string;
  label: Labels;
  roles: string[];
  scope?: string;
  mayISend: boolean;
  reasonIfNot?: string;
  dueAt?: string;
  deadline?: { kind?: string; labelZh?: string; labelEn?: string; due?: string; legalSource?: string } | null;
}

export interface Moves {
  caseId: string;
  caseType: string;
  stage: string;
  stageLabel: Labels;
  closed: boolean;
  moves: Move[];
  /** true when the server has no moves route yet and these are the process's commands this person's roles allow */
  fallback?: boolean;
}

/**
 * Whose move it is: the server's answer; where the server has no such route (404 ROUTE_NOT_FOUND), the commands of the
 * process this person's roles allow (as the old UI offered), marked as such.
 */
export async function movesOf(c: CaseView, process: ProcessView | undefined) {
  const r = await call<Moves>('GET', `/api/cases/${encodeURIComponent(c.caseId)}/moves`);
  if (r.ok || r.error.code !== 'ROUTE_NOT_FOUND') return r;
  const moves: Move[] = c.closed
    ? []
    : (process?.commands ?? []).filter((x) => x.permitted).map((x) => ({ command: x.type, label: x.labels, roles: [], mayISend: true }));
  return {
    ok: true as const,
    status: 200,
    data: {
      caseId: c.caseId,
      caseType: c.caseType,
      stage: c.stage,
      stageLabel: { zh: c.stage, en: c.stage },
      closed: c.closed,
      moves,
      fallback: true,
    },
  };
}
