import type { PoolClient } from 'pg';
import type { Tables } from '../tables';
import type { FoldedBatch, FoldedCase } from './fold-batch';

/**
 * The rows of a folded batch, a few statements whatever its size: new cases, then updated cases (the timeline,
 * deadlines and notices refer to them), the timeline, the deadlines that changed, the notices. The rows are the
 * ones applyEnvelope would have written event by event.
 */
export async function writeBatch(client: PoolClient, t: Tables, batch: FoldedBatch): Promise<void> {
  const created = batch.cases.filter((c) => c.isNew);
  const updated = batch.cases.filter((c) => !c.isNew);
  if (created.length > 0) await insertCases(client, t, created);
  if (updated.length > 0) await updateCases(client, t, updated);
  if (batch.timeline.length > 0) await insertTimeline(client, t, batch);
  const replaced = batch.cases.filter((c) => c.deadlines !== undefined);
  if (replaced.length > 0) await replaceDeadlines(client, t, replaced);
  if (batch.notices.length > 0) await insertNotices(client, t, batch);
}

const caseColumns = (cs: FoldedCase[]) => [
  cs.map((c) => c.caseId),
  cs.map((c) => c.view.section),
  cs.map((c) => c.view.stage),
  cs.map((c) => c.view.procedure),
  cs.map((c) => c.view.title),
  cs.map((c) => c.view.partyName),
  cs.map((c) => c.view.closed),
  cs.map((c) => c.stateJson ?? null),
  cs.map((c) => c.lastSeq),
  cs.map((c) => c.updatedAt),
  cs.map((c) => c.nextDue),
];

const CASE_TYPES = `$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::jsonb[], $9::integer[],
  $10::timestamptz[], $11::date[]`;

async function insertCases(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  await client.query(
    `INSERT INTO ${t.cases} (case_id, section, stage, procedure, title, party_name, closed, state, last_seq, updated_at, next_due,
       opened_at, case_type, bureau_id, stage_since)
     SELECT * FROM unnest(${CASE_TYPES}, $12::timestamptz[], $13::text[], $14::text[], $15::timestamptz[])`,
    [
      ...caseColumns(cs),
      cs.map((c) => c.openedAt),
      cs.map((c) => c.caseType),
      cs.map((c) => c.bureauId),
      cs.map((c) => c.stageChangedAt ?? c.openedAt),
    ],
  );
}

async function updateCases(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  await client.query(
    `UPDATE ${t.cases} AS c SET section = u.section, stage = u.stage, procedure = u.procedure, title = u.title,
       party_name = u.party_name, closed = u.closed, state = u.state, last_seq = u.last_seq, updated_at = u.updated_at,
       next_due = u.next_due, stage_since = coalesce(u.stage_changed_at, c.stage_since)
     FROM unnest(${CASE_TYPES}, $12::timestamptz[])
       AS u(case_id, section, stage, procedure, title, party_name, closed, state, last_seq, updated_at, next_due, stage_changed_at)
     WHERE c.case_id = u.case_id`,
    [...caseColumns(cs), cs.map((c) => c.stageChangedAt)],
  );
}

async function insertTimeline(client: PoolClient, t: Tables, batch: FoldedBatch): Promise<void> {
  const es = batch.timeline;
  await client.query(
    `INSERT INTO ${t.timeline} (case_id, seq, event_id, type, schema_version, occurred_at, actor, payload, prev_hash, hash)
     SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::integer[], $6::timestamptz[], $7::jsonb[], $8::jsonb[],
       $9::text[], $10::text[])`,
    [
      es.map((e) => e.caseId),
      es.map((e) => e.seq),
      es.map((e) => e.eventId),
      es.map((e) => e.type),
      es.map((e) => e.schemaVersion),
      es.map((e) => e.occurredAt),
      es.map((e) => JSON.stringify(e.actor)),
      es.map((e) => JSON.stringify(e.payload)),
      es.map((e) => e.prevHash ?? null),
      es.map((e) => e.hash ?? null),
    ],
  );
}

async function replaceDeadlines(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  await client.query(`DELETE FROM ${t.openDeadlines} WHERE case_id = ANY($1::text[])`, [cs.map((c) => c.caseId)]);
  const rows = cs.flatMap((c) => (c.deadlines ?? []).map((d) => ({ caseId: c.caseId, ...d })));
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${t.openDeadlines} (case_id, kind, due, label_zh, label_en, legal_source, provisional)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::boolean[])`,
    [
      rows.map((d) => d.caseId),
      rows.map((d) => d.kind),
      rows.map((d) => d.due),
      rows.map((d) => d.labelZh),
      rows.map((d) => d.labelEn),
      rows.map((d) => d.legalSource),
      rows.map((d) => d.provisional),
    ],
  );
}

async function insertNotices(client: PoolClient, t: Tables, batch: FoldedBatch): Promise<void> {
  const ns = batch.notices;
  await client.query(
    `INSERT INTO ${t.notices} (event_id, case_id, bureau_id, deadline_kind, level, recipient_role, due, legal_source, message, raised_at,
       recipient_ids)
     SELECT n.event_id, n.case_id, n.bureau_id, n.deadline_kind, n.level, n.recipient_role, n.due, n.legal_source, n.message, n.raised_at,
       coalesce(array(SELECT jsonb_array_elements_text(n.recipient_ids)), '{}')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[],
       $10::timestamptz[], $11::jsonb[])
       AS n(event_id, case_id, bureau_id, deadline_kind, level, recipient_role, due, legal_source, message, raised_at, recipient_ids)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      ns.map((n) => n.envelope.eventId),
      ns.map((n) => n.envelope.caseId),
      ns.map((n) => n.envelope.bureauId),
      ns.map((n) => n.notice.deadlineKind),
      ns.map((n) => n.notice.level),
      ns.map((n) => n.notice.recipientRole),
      ns.map((n) => n.notice.due),
      ns.map((n) => n.notice.legalSource),
      ns.map((n) => n.notice.message),
      ns.map((n) => n.envelope.occurredAt),
      ns.map((n) => JSON.stringify(n.notice.recipientIds)),
    ],
  );
}
