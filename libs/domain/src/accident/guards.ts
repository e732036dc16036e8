import type { Role } from '../shared/actor';
import { shanghaiDate, type IsoDate } from '../shared/iso-date';
import { domainError, type DomainError } from '../shared/domain-error';
import { authorityFor, LEAD_BODY_NAMES } from '../policy/accident-rules';
import type { CaseNoun, DecideContext } from '../shared/decide-guards';
import { accidentStage, districtLeads, type AccidentStage, type AccidentState } from './state';

export const ACCIDENT: CaseNoun = { zh: '事故', en: 'accident', closedZh: '结案' };
export const RECORDERS: readonly Role[] = ['officer', 'section_chief', 'bureau_head'];
export const CHIEF_OR_HEAD: readonly Role[] = ['section_chief', 'bureau_head'];

export function dayOf(instant: string): IsoDate {
  return shanghaiDate(Date.parse(instant));
}

/** An instant recorded in a command may be in the past, never in the future. */
export function checkInstant(ctx: DecideContext, at: string, what: string): DomainError | null {
  if (Date.parse(at) <= ctx.now) return null;
  return domainError('ACT_TIME_IN_FUTURE', `${what}时间 ${at} 晚于现在 / ${what} time is in the future`, { at });
}

export function checkStage(state: AccidentState, allowed: readonly AccidentStage[], command: string): DomainError | null {
  const stage = accidentStage(state);
  if (allowed.includes(stage)) return null;
  return domainError(
    'WRONG_STAGE',
    `事故处于「${stage}」阶段，不能执行 ${command}（允许：${allowed.join('、')}）/ ${command} is not allowed in stage ${stage}`,
    { stage, allowed },
  );
}

/** The district's own investigation steps: only where the district leads (特种设备安全法 第七十二条 and the bureau's authority table). */
export function checkDistrictLeads(state: AccidentState, command: string): DomainError | null {
  if (districtLeads(state) || !state.grade || !state.lead) return null;
  const rule = authorityFor(state.kind, state.grade);
  return domainError(
    'NOT_LEAD_BODY',
    `本事故由${LEAD_BODY_NAMES[state.lead]}组织调查（${rule.source}），本局作为调查组成员参与，不能执行 ${command}；请登记牵头机关的要求、认定和报告 / the district does not lead this investigation`,
    { lead: state.lead },
  );
}
