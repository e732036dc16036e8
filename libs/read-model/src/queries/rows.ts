import type { Actor, IsoDate, OpenDeadline, ProjectedNotice } from '@qts/domain';

export interface CaseSummary {
  caseId: string;
  caseType: string;
  bureauId: string;
  section: string;
  stage: string;
  procedure: string | null;
  title: string;
  partyName: string;
  closed: boolean;
  lastSeq: number;
  openedAt: string;
  updatedAt: string;
  /** the earliest open deadline */
  nextDue: IsoDate | null;
  /** an open deadline is past (before today in Asia/Shanghai) */
  overdue: boolean;
}

export interface TimelineEntry {
  seq: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  actor: Actor;
  payload: Record<string, unknown>;
  /** hash chain (tamper evidence); null for events recorded before the chain existed */
  prevHash: string | null;
  hash: string | null;
}

export interface DeadlineEntry extends OpenDeadline {
  overdue: boolean;
}

/** A raised notice as listed: the event's payload (one definition, the domain's schema) with where and when it was raised. */
export interface NoticeEntry extends Pick<
  ProjectedNotice,
  'deadlineKind' | 'level' | 'recipientRole' | 'recipientIds' | 'due' | 'legalSource' | 'message'
> {
  eventId: string;
  caseId: string;
  bureauId: string;
  raisedAt: string;
}

export interface CaseDetail extends CaseSummary {
  state: unknown;
  timeline: TimelineEntry[];
  deadlines: DeadlineEntry[];
  notices: NoticeEntry[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Columns selected for a case summary; `$1` must be today's date. Dates come back as text, never as local-time Dates. */
export const CASE_SUMMARY_COLUMNS = `case_id, case_type, bureau_id, section, stage, procedure, title, party_name, closed, last_seq, opened_at, updated_at,
  to_char(next_due, 'YYYY-MM-DD') AS next_due, (next_due IS NOT NULL AND next_due < $1::date) AS overdue`;

export interface CaseSummaryRow {
  case_id: string;
  case_type: string;
  bureau_id: string;
  section: string;
  stage: string;
  procedure: string | null;
  title: string;
  party_name: string;
  closed: boolean;
  last_seq: number;
  opened_at: Date;
  updated_at: Date;
  next_due: string | null;
  overdue: boolean;
}

export function toCaseSummary(r: CaseSummaryRow): CaseSummary {
  return {
    caseId: r.case_id,
    caseType: r.case_type,
    bureauId: r.bureau_id,
    section: r.section,
    stage: r.stage,
    procedure: r.procedure,
    title: r.title,
    partyName: r.party_name,
    closed: r.closed,
    lastSeq: r.last_seq,
    openedAt: r.opened_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    nextDue: r.next_due,
    overdue: r.overdue,
  };
}

export const NOTICE_COLUMNS = `event_id, case_id, bureau_id, deadline_kind, level, recipient_role, to_char(due, 'YYYY-MM-DD') AS due, legal_source, message, raised_at, recipient_ids`;

export interface NoticeRow {
  event_id: string;
  case_id: string;
  bureau_id: string;
  deadline_kind: string;
  level: NoticeEntry['level'];
  recipient_role: NoticeEntry['recipientRole'];
  due: string;
  legal_source: string;
  message: string;
  raised_at: Date;
  recipient_ids: string[];
}

export function toNotice(r: NoticeRow): NoticeEntry {
  return {
    eventId: r.event_id,
    caseId: r.case_id,
    bureauId: r.bureau_id,
    deadlineKind: r.deadline_kind,
    level: r.level,
    recipientRole: r.recipient_role,
    recipientIds: r.recipient_ids,
    due: r.due,
    legalSource: r.legal_source,
    message: r.message,
    raisedAt: r.raised_at.toISOString(),
  };
}

const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

/** Limit 1..500 (default 50), offset >= 0: out-of-range values are clamped. */
export function pageOf(limit: number | undefined, offset: number | undefined): { limit: number; offset: number } {
  const l = Number.isInteger(limit) ? (limit as number) : DEFAULT_PAGE;
  const o = Number.isInteger(offset) ? (offset as number) : 0;
  return { limit: Math.min(Math.max(l, 1), MAX_PAGE), offset: Math.max(o, 0) };
}
