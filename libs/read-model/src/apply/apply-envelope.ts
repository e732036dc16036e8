import type { PoolClient } from 'pg';
import type { EventEnvelope } from '@qts/domain';
import { tablesOf, type Tables } from '../tables';
import { recordPosition } from '../positions';
import { projectEvent, type ProjectedEvent } from './project-event';
import { ProjectionRefusedError } from './refusal';
import { admitEvent, projectionOf } from './admit-event';

export type ApplyOutcome = 'applied' | 'duplicate';

/** Where the event was read: stored with the rows so that the position and the rows never disagree. */
export interface StreamPosition {
  topic: string;
  partition: number;
  /** the offset after the event's own */
  nextOffset: string;
}

interface CurrentCase {
  case_type: string;
  last_seq: number;
  state: unknown;
}

/**
 * Applies one event to the read model in one transaction: skipped when already applied (seq <= last_seq),
 * refused when an earlier event is missing, else evolved through `caseProjections[caseType]` into the case
 * row, a timeline row, the open deadlines and, for escalation notices, a notice row. The stream position,
 * when given, is stored in the same transaction, also for a skipped event.
 */
export async function applyEnvelope(
  client: PoolClient,
  schema: string,
  envelope: EventEnvelope,
  position?: StreamPosition,
): Promise<ApplyOutcome> {
  const t = tablesOf(schema);
  await client.query('BEGIN');
  try {
    const outcome = await applyInTransaction(client, t, envelope);
    if (position) await recordPosition(client, schema, position.topic, position.partition, position.nextOffset);
    await client.query('COMMIT');
    return outcome;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw refuseDataExceptions(err, envelope);
  }
}

async function applyInTransaction(client: PoolClient, t: Tables, envelope: EventEnvelope): Promise<ApplyOutcome> {
  const projection = projectionOf(envelope);
  const { rows } = await client.query<CurrentCase>(`SELECT case_type, last_seq, state FROM ${t.cases} WHERE case_id = $1 FOR UPDATE`, [
    envelope.caseId,
  ]);
  const current = rows[0];
  if (admitEvent(current, envelope) === 'duplicate') return 'duplicate';
  const projected = projectEvent(projection, current?.state, envelope);
  await writeCase(client, t, envelope, projected, current === undefined);
  await client.query(
    `INSERT INTO ${t.timeline} (case_id, seq, event_id, type, schema_version, occurred_at, actor, payload, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      envelope.caseId,
      envelope.seq,
      envelope.eventId,
      envelope.type,
      envelope.schemaVersion,
      envelope.occurredAt,
      JSON.stringify(envelope.actor),
      JSON.stringify(envelope.payload),
      envelope.prevHash ?? null,
      envelope.hash ?? null,
    ],
  );
  if (projected.deadlinesChanged) await replaceDeadlines(client, t, envelope.caseId, projected);
  if (projected.notice) {
    const n = projected.notice;
    await client.query(
      `INSERT INTO ${t.notices} (event_id, case_id, bureau_id, deadline_kind, level, recipient_role, due, legal_source, message, raised_at, recipient_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (event_id) DO NOTHING`,
      [
        envelope.eventId,
        envelope.caseId,
        envelope.bureauId,
        n.deadlineKind,
        n.level,
        n.recipientRole,
        n.due,
        n.legalSource,
        n.message,
        envelope.occurredAt,
        n.recipientIds,
      ],
    );
  }
  return 'applied';
}

/** Every column comes from the events (opened_at and updated_at are event times), so a rebuild is byte-equal. */
async function writeCase(client: PoolClient, t: Tables, envelope: EventEnvelope, p: ProjectedEvent, isNew: boolean): Promise<void> {
  const v = p.view;
  const values = [
    envelope.caseId,
    v.section,
    v.stage,
    v.procedure,
    v.title,
    v.partyName,
    v.closed,
    JSON.stringify(p.state),
    envelope.seq,
    envelope.occurredAt,
    p.nextDue,
  ];
  if (isNew) {
    await client.query(
      `INSERT INTO ${t.cases} (case_id, section, stage, procedure, title, party_name, closed, state, last_seq, updated_at, next_due, opened_at, case_type, bureau_id, stage_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10, $12, $13, $10)`,
      [...values, envelope.caseType, envelope.bureauId],
    );
  } else {
    await client.query(
      `UPDATE ${t.cases} SET section = $2, stage = $3, procedure = $4, title = $5, party_name = $6, closed = $7, state = $8, last_seq = $9,
       updated_at = $10, next_due = $11, stage_since = CASE WHEN stage = $3 THEN stage_since ELSE $10::timestamptz END WHERE case_id = $1`,
      values,
    );
  }
}

async function replaceDeadlines(client: PoolClient, t: Tables, caseId: string, p: ProjectedEvent): Promise<void> {
  await client.query(`DELETE FROM ${t.openDeadlines} WHERE case_id = $1`, [caseId]);
  const ds = p.view.deadlines;
  if (ds.length === 0) return;
  await client.query(
    `INSERT INTO ${t.openDeadlines} (case_id, kind, due, label_zh, label_en, legal_source, provisional)
     SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::boolean[])`,
    [
      caseId,
      ds.map((d) => d.kind),
      ds.map((d) => d.due),
      ds.map((d) => d.labelZh),
      ds.map((d) => d.labelEn),
      ds.map((d) => d.legalSource),
      ds.map((d) => d.provisional),
    ],
  );
}

/** PostgreSQL's data exceptions (class 22: a NUL character in text, a date out of range...) will fail again on every retry. */
function refuseDataExceptions(err: unknown, envelope: EventEnvelope): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('22')) {
    return new ProjectionRefusedError('unstorable', `event ${envelope.eventId}: PostgreSQL refused its data: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return err;
}
