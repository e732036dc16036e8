import type { OutboundMessage } from '@qts/kafka';
import type { UnprojectedEvent } from '@qts/read-model';

/** The notices stream's message type for a damaged case (escalation notices carry their event type instead). */
export const CASE_DAMAGED_NOTICE = 'CaseDamaged';

/**
 * The administrator's notice that a case's event could not be projected: on the notices stream, for whoever delivers
 * notices (SMS, mail, 政务平台), one per dead-lettered event. The read model's damaged list and /health say the same.
 */
export function caseDamagedNotice(event: UnprojectedEvent): OutboundMessage {
  const seq = event.seq ?? '?';
  return {
    key: event.caseId,
    headers: { noticeType: CASE_DAMAGED_NOTICE },
    value: JSON.stringify({
      type: CASE_DAMAGED_NOTICE,
      schemaVersion: 1,
      noticeId: `${event.caseId}:damaged:${seq}`,
      recipientRole: 'administrator',
      caseId: event.caseId,
      caseType: event.caseType,
      bureauId: event.bureauId,
      seq: event.seq,
      reason: event.reason,
      at: event.at.toISOString(),
      message: `案件 ${event.caseId} 第 ${seq} 个事件无法写入查询库，请处理（/api/audit/damaged）/ event ${seq} of case ${event.caseId} could not be projected: ${event.reason}`,
    }),
  };
}
