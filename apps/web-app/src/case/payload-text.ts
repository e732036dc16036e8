import type { Labels } from '../i18n/lang';
import { choiceLabel, fieldLabel } from '../forms/labels';
import { isFenField, yuanOf } from '../money';

type L = (labels: Labels) => string;

/** A value in words: choices by their names, amounts in yuan, lists joined, objects as "field: value". */
export function valueText(name: string, value: unknown, l: L): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return isFenField(name) ? `¥${yuanOf(value)}` : String(value);
  if (typeof value === 'boolean') return l(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });
  if (typeof value === 'string') return /^[a-z][a-z0-9_]*$/.test(value) ? l(choiceLabel(value)) : value;
  if (Array.isArray(value)) return value.map((v) => valueText(name, v, l)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${l(fieldLabel(k))}：${valueText(k, v, l)}`)
      .join('；');
  }
  return JSON.stringify(value);
}

/** An event's payload as lines "字段：值" (no raw JSON on the page). */
export function payloadLines(payload: Record<string, unknown>, l: L): { key: string; label: string; text: string }[] {
  return Object.entries(payload)
    .filter(([k]) => k !== 'type' && k !== 'caseId')
    .map(([k, v]) => ({ key: k, label: l(fieldLabel(k)), text: valueText(k, v, l) }));
}
