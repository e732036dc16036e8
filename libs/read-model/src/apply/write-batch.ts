import type { PoolClient } from 'pg';
import type { Tables } from '../tables';
import type { FoldedBatch, FoldedCase } from './fold-batch';
import { jsonRows, jsonRowsWithRaw } from './json-rows';

/**
 * The rows of a folded batch, a few statements whatever its size: new cases, then updated cases (the timeline,
 * deadlines and notices refer to them), the timeline, the deadlines that changed, the notices. The rows are the
 * ones applyEnvelope would have written event by event. Each statement takes its rows as one JSON parameter
 * (json_to_recordset, see json-rows.ts).
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

const caseRow = (c: FoldedCase) => ({
  case_id: c.caseId,
  section: c.view.section,
  stage: c.view.stage,
  procedure: c.view.procedure,
  title: c.view.title,
  party_name: c.view.partyName,
  closed: c.view.closed,
  last_seq: c.lastSeq,
  updated_at: c.updatedAt,
  next_due: c.nextDue,
});

const CASE_COLUMNS = `case_id text, section text, stage text, procedure text, title text, party_name text, closed boolean, last_seq integer,
  updated_at timestamptz, next_due date, state jsonb`;

async function insertCases(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  const rows = cs.map((c) => ({
    ...caseRow(c),
    opened_at: c.openedAt,
    case_type: c.caseType,
    bureau_id: c.bureauId,
    stage_since: c.stageChangedAt ?? c.openedAt,
  }));
  await client.query(
    `INSERT INTO ${t.cases} (case_id, section, stage, procedure, title, party_name, closed, state, last_seq, updated_at, next_due,
       opened_at, case_type, bureau_id, stage_since)
     SELECT case_id, section, stage, procedure, title, party_name, closed, state, last_seq, updated_at, next_due,
       opened_at, case_type, bureau_id, stage_since
     FROM json_to_recordset($1::json) AS r(${CASE_COLUMNS}, opened_at timestamptz, case_type text, bureau_id text, stage_since timestamptz)`,
    [
      jsonRowsWithRaw(
        rows,
        'state',
        cs.map((c) => JSON.stringify(c.state)),
      ),
    ],
  );
}

async function updateCases(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  const rows = cs.map((c) => ({ ...caseRow(c), stage_changed_at: c.stageChangedAt }));
  await client.query(
    `UPDATE ${t.cases} AS c SET section = u.section, stage = u.stage, procedure = u.procedure, title = u.title,
       party_name = u.party_name, closed = u.closed, state = u.state, last_seq = u.last_seq, updated_at = u.updated_at,
       next_due = u.next_due, stage_since = coalesce(u.stage_changed_at, c.stage_since)
     FROM json_to_recordset($1::json) AS u(${CASE_COLUMNS}, stage_changed_at timestamptz)
     WHERE c.case_id = u.case_id`,
    [
      jsonRowsWithRaw(
        rows,
        'state',
        cs.map((c) => JSON.stringify(c.state)),
      ),
    ],
  );
}

async function insertTimeline(client: PoolClient, t: Tables, batch: FoldedBatch): Promise<void> {
  const rows = batch.timeline.map((e) => ({
    case_id: e.caseId,
    seq: e.seq,
    event_id: e.eventId,
    type: e.type,
    schema_version: e.schemaVersion,
    occurred_at: e.occurredAt,
    actor: e.actor,
    payload: e.payload,
    prev_hash: e.prevHash ?? null,
    hash: e.hash ?? null,
  }));
  await client.query(
    `INSERT INTO ${t.timeline} (case_id, seq, event_id, type, schema_version, occurred_at, actor, payload, prev_hash, hash)
     SELECT case_id, seq, event_id, type, schema_version, occurred_at, actor, payload, prev_hash, hash
     FROM json_to_recordset($1::json) AS r(case_id text, seq integer, event_id text, type text, schema_version integer,
       occurred_at timestamptz, actor jsonb, payload jsonb, prev_hash text, hash text)`,
    [jsonRows(rows)],
  );
}

async function replaceDeadlines(client: PoolClient, t: Tables, cs: FoldedCase[]): Promise<void> {
  await client.query(`DELETE FROM ${t.openDeadlines} WHERE case_id = ANY($1::text[])`, [cs.map((c) => c.caseId)]);
  const rows = cs.flatMap((c) =>
    (c.deadlines ?? []).map((d) => ({
      case_id: c.caseId,
      kind: d.kind,
      due: d.due,
      label_zh: d.labelZh,
      label_en: d.labelEn,
      legal_source: d.legalSource,
      provisional: d.provisional,
    })),
  );
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${t.openDeadlines} (case_id, kind, due, label_zh, label_en, legal_source, provisional)
     SELECT case_id, kind, due, label_zh, label_en, legal_source, provisional
     FROM json_to_recordset($1::json) AS r(case_id text, kind text, due date, label_zh text, label_en text, legal_source text,
       provisional boolean)`,
    [jsonRows(rows)],
  );
}

async function insertNotices(client: PoolClient, t: Tables, batch: FoldedBatch): Promise<void> {
  const rows = batch.notices.map(({ envelope, notice }) => ({
    event_id: envelope.eventId,
    case_id: envelope.caseId,
    bureau_id: envelope.bureauId,
    deadline_kind: notice.deadlineKind,
    level: notice.level,
    recipient_role: notice.recipientRole,
    due: notice.due,
    legal_source: notice.legalSource,
    message: notice.message,
    raised_at: envelope.occurredAt,
    recipient_ids: notice.recipientIds,
  }));
  await client.query(
    `INSERT INTO ${t.notices} (event_id, case_id, bureau_id, deadline_kind, level, recipient_role, due, legal_source, message, raised_at,
       recipient_ids)
     SELECT n.event_id, n.case_id, n.bureau_id, n.deadline_kind, n.level, n.recipient_role, n.due, n.legal_source, n.message, n.raised_at,
       coalesce(array(SELECT jsonb_array_elements_text(n.recipient_ids)), '{}')
     FROM json_to_recordset($1::json)
       AS n(event_id text, case_id text, bureau_id text, deadline_kind text, level text, recipient_role text, due date, legal_source text,
         message text, raised_at timestamptz, recipient_ids jsonb)
     ON CONFLICT (event_id) DO NOTHING`,
    [jsonRows(rows)],
  );
}
