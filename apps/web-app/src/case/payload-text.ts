import type { Labels } from '../i18n/labels';
import { choiceLabel, fieldLabel } from '../forms/labels';
import { inLang } from '../i18n/in-lang';
import { isFenField, yuanOf } from '../money';

type L = (labels: Labels) => string;

/** A value in words: choices by their names, amounts in yuan, lists joined, objects as "field: value". */
export function valueText(name: string, value: unknown, l: L): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return isFenField(name) ? `¥${yuanOf(value)}` : String(value);
  if (typeof value === 'boolean') return l(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });
  if (typeof value === 'string') return /^[a-z][a-z0-9_-]*$/.test(value) ? l(choiceLabel(value)) : value;
  if (Array.isArray(value)) return value.map((v) => valueText(name, v, l)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${l(fieldLabel(k))}：${valueText(k, v, l)}`)
      .join('；');
  }
  return JSON.stringify(value);
}

/** Recorded for the workflow, not for reading: the policy snapshot a case keeps (its rules in force at opening). */
const NOT_SHOWN = new Set(['type', 'caseId', 'rules', 'raisedNotices', 'reminderKey']);
const LONGEST = 240;

interface DeadlineLike {
  labelZh?: unknown;
  labelEn?: unknown;
  due?: unknown;
}
const isDeadline = (v: unknown): v is DeadlineLike & { labelZh: string; due: string } =>
  typeof v === 'object' && v !== null && typeof (v as DeadlineLike).labelZh === 'string' && typeof (v as DeadlineLike).due === 'string';

/** The names of the deadline kinds a case's events set (a later event that clears one names only its kind). */
export type DeadlineNames = ReadonlyMap<string, { zh: string; en: string }>;

/** Every deadline kind the payloads set, with its names (the first record of each kind). */
export function deadlineNamesOf(payloads: readonly Record<string, unknown>[]): DeadlineNames {
  const names = new Map<string, { zh: string; en: string }>();
  for (const payload of payloads) {
    const value = payload['deadlines'];
    if (typeof value !== 'object' || value === null) continue;
    const o = value as Record<string, unknown>;
    // `{ set: [{ kind, … }] }`, or a map of records by kind
    const entries: [unknown, unknown][] = Array.isArray(o['set'])
      ? o['set'].map((d: unknown) => [(d as { kind?: unknown } | null)?.kind, d])
      : Object.entries(o);
    for (const [kind, d] of entries) {
      if (typeof kind === 'string' && isDeadline(d) && !names.has(kind))
        names.set(kind, { zh: d.labelZh, en: typeof d.labelEn === 'string' ? d.labelEn : d.labelZh });
    }
  }
  return names;
}

/** Deadlines an event sets (`{ set: [...], clear: [...] }` or a map of records): "立案决定 至 2026-12-25" each. */
function deadlinesText(value: unknown, l: L, names: DeadlineNames): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  const set = Array.isArray(o['set']) ? o['set'] : Object.values(o);
  const records = set.filter(isDeadline);
  if (records.length === 0 && !Array.isArray(o['clear'])) return null;
  const cleared = Array.isArray(o['clear']) ? o['clear'].filter((c): c is string => typeof c === 'string') : [];
  return (
    [
      ...records.map(
        (d) => `${l({ zh: d.labelZh, en: typeof d.labelEn === 'string' ? d.labelEn : d.labelZh })} ${l({ zh: '至', en: 'by' })} ${d.due}`,
      ),
      ...cleared.map((c) => `${l({ zh: '解除', en: 'cleared' })} ${l(names.get(c) ?? choiceLabel(c))}`),
    ].join('；') || '—'
  );
}

/** An event's payload as lines "字段：值" (no raw JSON on the page; very long values cut short). */
export function payloadLines(
  payload: Record<string, unknown>,
  l: L,
  names: DeadlineNames = new Map(),
): { key: string; label: string; text: string }[] {
  return Object.entries(payload)
    .filter(([k]) => !NOT_SHOWN.has(k))
    .map(([k, v]) => {
      const text =
        (k === 'deadlines' ? deadlinesText(v, l, names) : null) ??
        // a notice's message is "中文 / English": the part in the chosen language
        (k === 'message' && typeof v === 'string' ? l({ zh: inLang(v, 'zh'), en: inLang(v, 'en') }) : null) ??
        valueText(k, v, l);
      return { key: k, label: l(fieldLabel(k)), text: text.length > LONGEST ? `${text.slice(0, LONGEST)}…` : text };
    });
}
