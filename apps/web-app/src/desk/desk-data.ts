import { call, type Result } from '../api/raw';
import type { CaseSummary } from '../api/types';
import type { Labels } from '../i18n/lang';
import { arr, num, obj, str } from '../case/state';

/** One cell of the desk's counts: open cases of a process at a stage in a section, how many overdue and stalled. */
export interface CountRow {
  caseType: string;
  stage: string;
  section: string;
  open: number;
  overdue: number;
  stalled: number;
}

/** A stalled case: why, since when, who must act (GET /api/desk/stalled). */
export interface StalledCase {
  caseId: string;
  caseType: string;
  title: string;
  section: string;
  stage: string;
  reason: string;
  reasonLabel?: Labels;
  detail: string;
  since: string;
  whoMustAct: string;
}

export interface Desk {
  counts: CountRow[];
  stalled: StalledCase[];
  /** true when the server has no desk routes yet: counts from the case list, stalled = an open deadline passed */
  fallback: boolean;
}

const labelsOf = (v: unknown): Labels | undefined => {
  const o = obj(v);
  return typeof o['zh'] === 'string' && typeof o['en'] === 'string' ? { zh: o['zh'], en: o['en'] } : undefined;
};
const listIn = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : arr(obj(v)['items'] ?? obj(v)['rows'] ?? obj(v)['counts'] ?? obj(v)['cases']);

function countRowOf(v: unknown): CountRow {
  const o = obj(v);
  return {
    caseType: str(o['caseType']) ?? str(o['process']) ?? '',
    stage: str(o['stage']) ?? '',
    section: str(o['section']) ?? '',
    open: num(o['open']) ?? num(o['count']) ?? 0,
    overdue: num(o['overdue']) ?? 0,
    stalled: num(o['stalled']) ?? 0,
  };
}

const whoText = (who: unknown): string =>
  Array.isArray(who) ? who.map(whoText).join('、') : (str(who) ?? str(obj(who)['role']) ?? str(obj(who)['id']) ?? '');

function stalledOf(v: unknown): StalledCase {
  const o = obj(v);
  const why = obj(o['why']);
  const reasonLabel = labelsOf(o['reasonLabel']) ?? labelsOf(why['label']) ?? labelsOf(o['label']);
  return {
    caseId: str(o['caseId']) ?? '',
    caseType: str(o['caseType']) ?? '',
    title: str(o['title']) ?? '',
    section: str(o['section']) ?? '',
    stage: str(o['stage']) ?? '',
    reason: str(o['reason']) ?? str(why['kind']) ?? str(o['kind']) ?? '',
    ...(reasonLabel ? { reasonLabel } : {}),
    detail: str(o['detail']) ?? str(why['detail']) ?? str(o['message']) ?? str(why['message']) ?? '',
    since: str(o['since']) ?? str(why['since']) ?? '',
    whoMustAct: whoText(o['whoMustAct'] ?? o['who'] ?? o['mustAct']),
  };
}

/** The fallback: every open case (the first 500), counted; those past an open deadline as the stalled ones. */
async function fromCaseList(): Promise<Result<Desk>> {
  const r = await call<{ items: CaseSummary[] }>('GET', '/api/cases?closed=false&limit=500');
  if (!r.ok) return r;
  const counts = new Map<string, CountRow>();
  for (const c of r.data.items) {
    const key = `${c.caseType}|${c.stage}|${c.section}`;
    const row = counts.get(key) ?? { caseType: c.caseType, stage: c.stage, section: c.section, open: 0, overdue: 0, stalled: 0 };
    row.open += 1;
    if (c.overdue) row.overdue += 1;
    counts.set(key, row);
  }
  const stalled = r.data.items
    .filter((c) => c.overdue)
    .sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''))
    .map((c) => ({
      caseId: c.caseId,
      caseType: c.caseType,
      title: c.title,
      section: c.section,
      stage: c.stage,
      reason: 'deadline_passed',
      detail: '',
      since: c.nextDue ?? '',
      whoMustAct: '',
    }));
  return { ok: true, status: 200, data: { counts: [...counts.values()], stalled, fallback: true } };
}

/** The desk: GET /api/desk/counts and /api/desk/stalled (branch `moves`), or the fallback where the server has none. */
export async function loadDesk(): Promise<Result<Desk>> {
  const [counts, stalled] = await Promise.all([call<unknown>('GET', '/api/desk/counts'), call<unknown>('GET', '/api/desk/stalled')]);
  if (!counts.ok && counts.error.code === 'ROUTE_NOT_FOUND') return fromCaseList();
  if (!counts.ok) return counts;
  if (!stalled.ok) return stalled;
  return {
    ok: true,
    status: 200,
    data: { counts: listIn(counts.data).map(countRowOf), stalled: listIn(stalled.data).map(stalledOf), fallback: false },
  };
}
