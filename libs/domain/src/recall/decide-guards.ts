import type { Role } from '../shared/actor';
import { domainError, type DomainError } from '../shared/domain-error';
import type { CaseNoun, DecideContext } from '../shared/decide-guards';
import type { RecallRuleSet } from '../policy/recall-rules';
import type { RecallEvent } from './events';
import type { RecallStage, RecallState } from './state';

export type Result = RecallEvent[] | DomainError;

export const RECALL: CaseNoun = { zh: '召回案件', en: 'recall', closedZh: '办结' };

/** people who record what happened (an officer from paper, the chief, the head) */
export const RECORDERS: readonly Role[] = ['officer', 'section_chief', 'bureau_head'];
/** the producer's documents: recorded from paper, or sent by the inbound producer gateway (system) */
export const PRODUCER_RECORDERS: readonly Role[] = [...RECORDERS, 'system'];

export const RECALL_RULES_BASIS = '《缺陷汽车产品召回管理条例》第十二条至第二十一条；《消费品召回管理暂行规定》';

export function checkStage(state: RecallState, allowed: readonly RecallStage[], command: string): DomainError | null {
  if (allowed.includes(state.stage)) return null;
  return domainError(
    'WRONG_STAGE',
    `召回案件处于「${state.stage}」阶段，不能执行 ${command}（允许：${allowed.join('、')}）/ ${command} is not allowed in stage ${state.stage}`,
    { stage: state.stage, allowed },
  );
}

export function rulesOf(state: RecallState): RecallRuleSet {
  if (!state.rules) throw new Error('recall has no rule set: it was never opened');
  return state.rules;
}

/** A producer's document sent over the inbound topic must come from the producer the recall names. */
export function checkProducer(state: RecallState, ctx: DecideContext): DomainError | null {
  if (!ctx.actor.id.startsWith('producer:') || ctx.actor.name === state.producer.name) return null;
  return domainError(
    'NOT_THE_PRODUCER',
    `报送人「${ctx.actor.name ?? ''}」不是本召回的生产者「${state.producer.name}」/ the sender is not this recall's producer`,
    { sender: ctx.actor.name ?? null, producer: state.producer.name },
  );
}
