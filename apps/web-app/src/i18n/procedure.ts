import { choiceLabel } from '../forms/labels';
import { ACCIDENT_GRADES, ACCIDENT_KINDS, ACCIDENT_LEADS, LEAD_UNSETTLED, NOT_GRADED } from './accident-names';
import type { Labels } from './labels';

const PENALTY: Record<string, Labels> = {
  summary: { zh: '简易程序', en: 'summary procedure' },
  general: { zh: '一般程序', en: 'general procedure' },
};
const DIRECTIVE: Record<string, Labels> = {
  emergency: { zh: '现场紧急处置', en: 'emergency order' },
  sealed: { zh: '查封扣押中', en: 'sealed' },
  inspection: { zh: '监督检查', en: 'inspection' },
};
const RECALL: Record<string, Labels> = {
  voluntary: { zh: '主动召回', en: 'voluntary recall' },
  ordered: { zh: '责令召回', en: 'ordered recall' },
  vehicle: { zh: '汽车产品', en: 'vehicle' },
  consumer_goods: { zh: '消费品', en: 'consumer goods' },
};

/** What the heading says before the words: 程序 for a penalty, 对象 for an escalation's target, 类别 otherwise. */
export interface ProcedureText {
  heading: Labels;
  text: Labels;
}

const join = (parts: Labels[], zhSep: string, enSep: string): Labels => ({
  zh: parts.map((p) => p.zh).join(zhSep),
  en: parts.map((p) => p.en).join(enSep),
});

/**
 * A case's `procedure` column in words: each process puts its own kind of thing there (penalty summary/general,
 * accident `kind:grade:lead`, directive emergency/sealed/inspection, recall mode or product category, escalation target).
 * Null when the case has none; an unknown value is shown as it is.
 */
export function procedureText(caseType: string, procedure: string | null): ProcedureText | null {
  if (!procedure) return null;
  const raw: Labels = { zh: procedure, en: procedure };
  switch (caseType) {
    case 'penalty':
      return { heading: { zh: '程序', en: 'Procedure' }, text: PENALTY[procedure] ?? raw };
    case 'escalation':
      return { heading: { zh: '对象', en: 'Target' }, text: choiceLabel(procedure) };
    case 'accident': {
      const [kind = '', grade = '', lead = ''] = procedure.split(':');
      const parts = [ACCIDENT_KINDS[kind] ?? raw, ACCIDENT_GRADES[grade] ?? NOT_GRADED, ACCIDENT_LEADS[lead] ?? LEAD_UNSETTLED];
      return { heading: { zh: '类别', en: 'Kind' }, text: join(parts, ' · ', ' · ') };
    }
    case 'directive':
      return { heading: { zh: '类别', en: 'Kind' }, text: DIRECTIVE[procedure] ?? raw };
    case 'recall':
      return { heading: { zh: '类别', en: 'Kind' }, text: RECALL[procedure] ?? raw };
    default:
      return { heading: { zh: '类别', en: 'Kind' }, text: raw };
  }
}
