import type { EscalationNoticePayload, EventEnvelope } from '@qts/domain';
import { COUNTER_CASE_TYPE } from './counter-projection';

export const TEST_BUREAU = 'district-test';
const EPOCH = Date.UTC(2025, 2, 3, 1, 0, 0);

/** The event of `caseId` with this seq; times derive from the seq, so a history is the same whenever it is built. */
export function counterEvent(caseId: string, seq: number, type: string, payload: Record<string, unknown>): EventEnvelope {
  return {
    eventId: `${caseId}:${seq}`,
    caseId,
    caseType: COUNTER_CASE_TYPE,
    bureauId: TEST_BUREAU,
    seq,
    type,
    schemaVersion: 1,
    occurredAt: new Date(EPOCH + seq * 60_000).toISOString(),
    actor: seq % 7 === 0 ? { id: 'system', role: 'system', name: '系统 System' } : { id: 'officer-1', role: 'officer', name: '张三' },
    payload,
  };
}

export function noticePayload(kind: string, due: string): EscalationNoticePayload {
  return {
    noticeKey: `${kind}@${due}:missed:section_chief`,
    supersedes: [],
    deadlineKind: kind,
    level: 'missed',
    recipientRole: 'section_chief',
    due,
    legalSource: '《行政处罚法》第六十条',
    message: `${kind} 已逾期 overdue`,
  };
}

/** The event at `seq` of a long-running case: opened, then ticks with deadlines set and met and notices raised now and then. */
function counterEventAt(caseId: string, seq: number): EventEnvelope {
  if (seq === 1)
    return counterEvent(caseId, 1, 'CounterOpened', { title: `案件 ${caseId}`, partyName: '某某有限公司', section: 'quality' });
  if (seq % 10 === 0) {
    const day = String((seq % 28) + 1).padStart(2, '0');
    return counterEvent(caseId, seq, 'DeadlineSet', {
      kind: `k${seq % 3}`,
      due: `2025-04-${day}`,
      labelZh: '期限',
      labelEn: 'deadline',
      legalSource: '《行政处罚法》第六十条',
      provisional: seq % 20 === 0,
    });
  }
  if (seq % 15 === 0) return counterEvent(caseId, seq, 'DeadlineMet', { kind: `k${seq % 3}` });
  if (seq % 25 === 0) return counterEvent(caseId, seq, 'EscalationNoticeRaised', { ...noticePayload('k1', '2025-04-01') });
  return counterEvent(caseId, seq, 'CounterTicked', { n: seq });
}

/** Events fromSeq..toSeq (inclusive) of a case. */
export function counterHistory(caseId: string, toSeq: number, fromSeq = 1): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (let seq = fromSeq; seq <= toSeq; seq++) events.push(counterEventAt(caseId, seq));
  return events;
}
