import type { Actor } from '../shared/actor';
import type { CaseEffect, CaseOrigin } from '../kernel/effects';
import type { RecallEvent } from './events';
import { recallNoticeFor } from './outbound-notice';
import { RECALL_CASE_TYPE } from './projection';
import type { RecallState } from './state';

const REFUSAL_GROUND = '《缺陷汽车产品召回管理条例》第十五条第三款、第二十四条第（三）项（经责令召回拒不召回）；《消费品召回管理暂行规定》';

/**
 * What the bureau publishes (the recall, and its result) goes out on the recalls channel. A producer refusing an order: a penalty case (案件查办, as a lead for the enforcement team) and an escalation to the
 * city bureau, both children of the recall, in the name of whoever recorded the refusal.
 */
export function recallEffectsOf(event: RecallEvent, state: RecallState, origin: CaseOrigin, actor: Actor): CaseEffect[] {
  const notice = recallNoticeFor(event, state, origin);
  if (notice) return [{ kind: 'publishDocument', channel: 'recalls', document: notice }];
  if (event.type !== 'RecallRefused') return [];
  const { refusedOn, statement, penaltyCaseId, escalationId } = event.payload;
  const title = `${state.producer.name}拒不召回${state.product.name}`;
  return [
    {
      kind: 'startCase',
      caseType: 'penalty',
      caseId: penaltyCaseId,
      section: 'enforcement',
      actor,
      command: {
        type: 'RegisterLead',
        section: 'enforcement',
        title,
        party: { kind: 'organisation', name: state.producer.name },
        discoveredOn: refusedOn,
        leadSource: 'referral',
        summary: `召回案件 ${origin.caseId}：生产者经责令召回后拒不召回。${statement}`.slice(0, 4000),
      },
    },
    {
      kind: 'startEscalation',
      escalationId,
      actor,
      command: {
        type: 'OpenEscalation',
        target: { kind: 'city_bureau' },
        subject: `缺陷产品生产者拒不召回：${title}`.slice(0, 200),
        legalGround: REFUSAL_GROUND,
        caseSummary: {
          caseId: origin.caseId,
          caseType: RECALL_CASE_TYPE,
          title: title.slice(0, 200),
          partyName: state.producer.name,
          facts: statement,
        },
        section: state.section,
        openedOn: refusedOn,
        parent: { workflowId: origin.caseId, caseType: RECALL_CASE_TYPE },
      },
    },
  ];
}
