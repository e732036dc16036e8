import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { processOf, shanghaiDate, type Principal, type Section } from '@qts/domain';
import { getCaseState, getNotice, listNotices, type NoticeFilter } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error';
import { IdentityProvider } from '../auth/identity.provider';
import { ReferenceTables } from '../db/reference-tables';
import { movesFor } from './case-moves';
import type { myNoticePageAnswer, noticeAckAnswer } from './notice-answers';

type Recipient = Pick<NoticeFilter, 'recipientRole' | 'section'>;

/** The notices addressed to a person: a chief's for their section's cases, the head's for every case. */
function recipientOf(principal: Principal): Recipient | null {
  if (principal.roles.includes('bureau_head')) return { recipientRole: 'bureau_head' };
  if (principal.roles.includes('section_chief') && principal.section) return { recipientRole: 'section_chief', section: principal.section };
  return null;
}

/** Notices delivered to the people who must act (issue 14 item 5): named case, action needed, read once per recipient. */
@Injectable()
export class NoticesService {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
    private readonly identity: IdentityProvider,
    private readonly ref: ReferenceTables,
  ) {
    this.schema = config.database.readModelSchema;
  }

  async mine(
    principal: Principal,
    page: { limit?: number | undefined; offset?: number | undefined },
  ): Promise<z.output<typeof myNoticePageAnswer>> {
    const recipient = recipientOf(principal);
    if (!recipient) return { items: [], total: 0, limit: page.limit ?? 50, offset: page.offset ?? 0 };
    const notices = await listNotices(this.db.pool, this.schema, {
      ...recipient,
      ...(page.limit !== undefined ? { limit: page.limit } : {}),
      ...(page.offset !== undefined ? { offset: page.offset } : {}),
    });
    const acks = await this.db.pool.query<{ event_id: string; acknowledged_at: Date }>(
      `SELECT event_id, acknowledged_at FROM ${this.ref.table('notice_acks')} WHERE recipient_id = $1 AND event_id = ANY($2::text[])`,
      [principal.id, notices.items.map((n) => n.eventId)],
    );
    const ackOf = new Map(acks.rows.map((r) => [r.event_id, r.acknowledged_at.toISOString()]));
    const today = shanghaiDate(Date.now());
    const items = [];
    for (const n of notices.items) {
      const found = await getCaseState(this.db.pool, this.schema, n.caseId);
      const process = found ? processOf(found.caseType) : undefined;
      const assigned = found ? await this.identity.assignments.isAssigned(n.caseId, principal.id) : false;
      items.push({
        eventId: n.eventId,
        caseId: n.caseId,
        caseType: found?.caseType ?? null,
        title: found?.title ?? null,
        stage: found?.stage ?? null,
        stageLabel: process && found ? process.stages.label(found.stage) : null,
        level: n.level,
        recipientRole: n.recipientRole,
        deadlineKind: n.deadlineKind,
        due: n.due,
        legalSource: n.legalSource,
        message: n.message,
        raisedAt: n.raisedAt,
        actionNeeded:
          process && found ? movesFor(process, found.state, { principal, caseSection: found.section as Section, assigned }, today) : [],
        acknowledgedAt: ackOf.get(n.eventId) ?? null,
      });
    }
    return { ...notices, items };
  }

  /** Read and acknowledged by this recipient: recorded once; a second acknowledgement answers the first. */
  async acknowledge(principal: Principal, eventId: string): Promise<z.output<typeof noticeAckAnswer>> {
    const notice = await getNotice(this.db.pool, this.schema, eventId);
    if (!notice) throw new ApiError(404, 'NOTICE_NOT_FOUND', `通知 ${eventId} 不存在 / no such notice`, { eventId });
    const recipient = recipientOf(principal);
    const found = await getCaseState(this.db.pool, this.schema, notice.caseId);
    const addressed =
      recipient !== null &&
      recipient.recipientRole === notice.recipientRole &&
      (recipient.section === undefined || recipient.section === found?.section);
    if (!addressed)
      throw new ApiError(403, 'NOT_A_RECIPIENT', `通知 ${eventId} 不是发给您的 / the notice is not addressed to you`, {
        eventId,
        recipientRole: notice.recipientRole,
      });
    const inserted = await this.db.pool.query<{ acknowledged_at: Date }>(
      `INSERT INTO ${this.ref.table('notice_acks')} (event_id, recipient_id) VALUES ($1, $2)
       ON CONFLICT (event_id, recipient_id) DO NOTHING RETURNING acknowledged_at`,
      [eventId, principal.id],
    );
    const first = inserted.rows[0];
    if (first)
      return { eventId, recipientId: principal.id, acknowledgedAt: first.acknowledged_at.toISOString(), alreadyAcknowledged: false };
    const earlier = await this.db.pool.query<{ acknowledged_at: Date }>(
      `SELECT acknowledged_at FROM ${this.ref.table('notice_acks')} WHERE event_id = $1 AND recipient_id = $2`,
      [eventId, principal.id],
    );
    const at = earlier.rows[0]?.acknowledged_at ?? new Date();
    return { eventId, recipientId: principal.id, acknowledgedAt: at.toISOString(), alreadyAcknowledged: true };
  }
}
