import type { Migration } from '@qts/migrations';
import type { Tables } from './tables';
import { deskCountsStatements } from './desk-counts-migration';
import { deskOpenedStatements } from './desk-opened-migration';

/** A migration of the read model: its statements name the tables of the schema being migrated (migrate.ts). */
interface ReadModelMigration extends Omit<Migration, 'statements'> {
  statements(t: Tables): string[];
}

/**
 * Append only: a released migration is never edited. Every column is a function of the events, never of
 * the wall clock, so that a rebuild from the topic gives byte-equal rows.
 */
export const MIGRATIONS: readonly ReadModelMigration[] = [
  {
    version: 1,
    name: 'cases, timeline, open deadlines, notices, projector offsets',
    statements: (t) => [
      `CREATE TABLE ${t.cases} (
        case_id     text PRIMARY KEY,
        case_type   text NOT NULL,
        bureau_id   text NOT NULL,
        section     text NOT NULL,
        stage       text NOT NULL,
        procedure   text,
        title       text NOT NULL,
        party_name  text NOT NULL,
        closed      boolean NOT NULL,
        state       jsonb NOT NULL,
        last_seq    integer NOT NULL CHECK (last_seq > 0),
        opened_at   timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        next_due    date
      )`,
      `CREATE INDEX cases_updated_idx ON ${t.cases} (updated_at DESC, case_id)`,
      `CREATE INDEX cases_type_stage_idx ON ${t.cases} (case_type, stage, updated_at DESC)`,
      `CREATE INDEX cases_section_stage_idx ON ${t.cases} (section, stage, updated_at DESC)`,
      `CREATE INDEX cases_bureau_idx ON ${t.cases} (bureau_id, updated_at DESC)`,
      `CREATE INDEX cases_next_due_idx ON ${t.cases} (next_due, case_id) WHERE next_due IS NOT NULL`,
      `CREATE TABLE ${t.timeline} (
        case_id         text NOT NULL REFERENCES ${t.cases} (case_id) ON DELETE CASCADE,
        seq             integer NOT NULL CHECK (seq > 0),
        event_id        text NOT NULL UNIQUE,
        type            text NOT NULL,
        schema_version  integer NOT NULL,
        occurred_at     timestamptz NOT NULL,
        actor           jsonb NOT NULL,
        payload         jsonb NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`,
      `CREATE TABLE ${t.openDeadlines} (
        case_id       text NOT NULL REFERENCES ${t.cases} (case_id) ON DELETE CASCADE,
        kind          text NOT NULL,
        due           date NOT NULL,
        label_zh      text NOT NULL,
        label_en      text NOT NULL,
        legal_source  text NOT NULL,
        provisional   boolean NOT NULL,
        PRIMARY KEY (case_id, kind)
      )`,
      `CREATE INDEX open_deadlines_due_idx ON ${t.openDeadlines} (due)`,
      `CREATE TABLE ${t.notices} (
        event_id        text PRIMARY KEY,
        case_id         text NOT NULL REFERENCES ${t.cases} (case_id) ON DELETE CASCADE,
        bureau_id       text NOT NULL,
        deadline_kind   text NOT NULL,
        level           text NOT NULL,
        recipient_role  text NOT NULL,
        due             date NOT NULL,
        legal_source    text NOT NULL,
        message         text NOT NULL,
        raised_at       timestamptz NOT NULL
      )`,
      `CREATE INDEX notices_raised_idx ON ${t.notices} (raised_at DESC, event_id DESC)`,
      `CREATE INDEX notices_case_idx ON ${t.notices} (case_id, raised_at)`,
      `CREATE INDEX notices_recipient_idx ON ${t.notices} (recipient_role, raised_at DESC)`,
      `CREATE TABLE ${t.projectorOffsets} (
        topic        text NOT NULL,
        partition    integer NOT NULL,
        next_offset  bigint NOT NULL,
        PRIMARY KEY (topic, partition)
      )`,
    ],
  },
  {
    version: 2,
    name: 'timeline: hash chain (prev_hash, hash) for audit verification',
    statements: (t) => [`ALTER TABLE ${t.timeline} ADD COLUMN prev_hash text, ADD COLUMN hash text`],
  },
  {
    version: 3,
    name: 'damaged cases: events the projector could not apply (dead-lettered), so a case never silently disappears',
    statements: (t) => [
      `CREATE TABLE ${t.damagedCases} (
        case_id        text PRIMARY KEY,
        case_type      text,
        bureau_id      text,
        first_seq      integer,
        last_seq       integer,
        events         integer NOT NULL,
        reason         text NOT NULL,
        last_reason    text NOT NULL,
        first_event_at timestamptz NOT NULL,
        last_event_at  timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'open cases by section and stage (desk counts), an index-only scan instead of reading every case',
    statements: (t) => [`CREATE INDEX cases_open_desk_idx ON ${t.cases} (section, stage, next_due) WHERE NOT closed`],
  },
  {
    version: 5,
    name: 'notices to named people: a process’s own reminders (the inspectors who owe a written directive)',
    statements: (t) => [`ALTER TABLE ${t.notices} ADD COLUMN recipient_ids text[] NOT NULL DEFAULT '{}'`],
  },
  {
    version: 6,
    name: 'stalled cases and desk (issue 14): when a case entered its stage; indexes for stage held too long, ages and weeks',
    statements: (t) => [
      `ALTER TABLE ${t.cases} ADD COLUMN stage_since timestamptz`,
      // rows projected before the column existed: their last event time, a lower bound of the time in the stage
      // (a rebuild from the topic gives the exact value); nullable, so a row written otherwise never fails (it only
      // never counts as held too long)
      `UPDATE ${t.cases} SET stage_since = updated_at WHERE stage_since IS NULL`,
      `CREATE INDEX cases_open_stage_since_idx ON ${t.cases} (case_type, stage, stage_since) WHERE NOT closed`,
      `CREATE INDEX cases_open_overview_idx ON ${t.cases} (case_type, stage, section, opened_at, next_due) WHERE NOT closed`,
      `CREATE INDEX cases_opened_idx ON ${t.cases} (opened_at)`,
    ],
  },
  {
    version: 7,
    name: 'desk counts kept by triggers on cases: open cases by section, stage and next due date, read without counting the cases',
    statements: deskCountsStatements,
  },
  {
    version: 8,
    name: 'desk overview and weekly series from cases counted by process, section, stage and opening date (kept by triggers), overdue from an index of open cases by due date',
    statements: deskOpenedStatements,
  },
];
