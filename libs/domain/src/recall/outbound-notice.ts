import { z } from 'zod';
import { isoDateSchema } from '../shared/iso-date';
import type { CaseOrigin } from '../kernel/effects';
import { EFFECTIVENESS_CHECK_LEVELS } from '../policy/recall-rules';
import type { RecallEvent } from './events';
import type { RecallState } from './state';

export const RECALL_NOTICE_TYPE = 'qts.recall.notice';

/**
 * What the bureau publishes of a recall (召回信息公布): when it is published, and how it ended. Self-contained and
 * versioned, for the public-information system and the leading authority; version 1.
 */
export const recallNoticeV1Schema = z.object({
  documentType: z.literal(RECALL_NOTICE_TYPE),
  version: z.literal(1),
  /** `${recallId}:published` or `${recallId}:closed`: resent documents keep their id */
  documentId: z.string().min(1),
  key: z.string().min(1),
  recallId: z.string().min(1),
  kind: z.enum(['recall_published', 'recall_closed']),
  fromBureau: z.object({ bureauId: z.string().min(1), nameZh: z.string().min(1) }),
  leadAuthority: z.enum(['samr', 'province']),
  product: z.object({ category: z.string(), name: z.string(), model: z.string().optional(), batch: z.string().optional() }),
  producer: z.object({ name: z.string() }),
  plan: z.object({
    mode: z.enum(['voluntary', 'ordered']),
    unitsAffected: z.number().int(),
    remedy: z.string(),
    plannedCompletionOn: isoDateSchema,
  }),
  publishedOn: isoDateSchema,
  channel: z.string(),
  checkLevel: z.enum(EFFECTIVENESS_CHECK_LEVELS),
  /** on closing: units remedied and the completion rate (per mille) */
  result: z.object({ closedOn: isoDateSchema, unitsRemedied: z.number().int(), completionPermille: z.number().int() }).optional(),
});
export type RecallNoticeV1 = z.infer<typeof recallNoticeV1Schema>;

/** The notice an event asks to publish (the recall published, or closed as completed), from the state after it. */
export function recallNoticeFor(event: RecallEvent, state: RecallState, origin: CaseOrigin): RecallNoticeV1 | null {
  const closed = event.type === 'RecallClosed' && event.payload.outcome === 'completed';
  if (event.type !== 'RecallPublished' && !closed) return null;
  const { plan, publication, leadAuthority } = state;
  if (!plan || !publication || !leadAuthority) return null;
  const last = state.progress.at(-1);
  const kind = closed ? 'recall_closed' : 'recall_published';
  return recallNoticeV1Schema.parse({
    documentType: RECALL_NOTICE_TYPE,
    version: 1,
    documentId: `${origin.caseId}:${closed ? 'closed' : 'published'}`,
    key: origin.caseId,
    recallId: origin.caseId,
    kind,
    fromBureau: { bureauId: origin.bureauId, nameZh: origin.bureauNameZh },
    leadAuthority,
    product: state.product,
    producer: { name: state.producer.name },
    plan: { mode: plan.mode, unitsAffected: plan.unitsAffected, remedy: plan.remedy, plannedCompletionOn: plan.plannedCompletionOn },
    publishedOn: publication.publishedOn,
    channel: publication.channel,
    checkLevel: publication.checkLevel,
    ...(closed && state.closure
      ? { result: { closedOn: state.closure.closedOn, unitsRemedied: last?.remedied ?? 0, completionPermille: last?.permille ?? 0 } }
      : {}),
  });
}
