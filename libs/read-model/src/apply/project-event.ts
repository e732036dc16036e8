import {
  ESCALATION_NOTICE_EVENT,
  escalationNoticeRaisedSchema,
  type CaseProjection,
  type ProjectedNotice,
  type EventEnvelope,
  type OpenDeadline,
} from '@qts/domain';
import { ProjectionRefusedError } from './refusal';
import { caseViewSchema, type ValidCaseView } from './view-schemas';

export interface ProjectedEvent {
  state: unknown;
  view: ValidCaseView;
  /** false when the event left the open deadlines as they were, so their rows need not be replaced */
  deadlinesChanged: boolean;
  /** the earliest open deadline */
  nextDue: string | null;
  notice: ProjectedNotice | null;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sameDeadlines(a: readonly OpenDeadline[], b: readonly OpenDeadline[]): boolean {
  const key = (ds: readonly OpenDeadline[]) =>
    JSON.stringify(
      [...ds].sort((x, y) => x.kind.localeCompare(y.kind)).map((d) => [d.kind, d.due, d.labelZh, d.labelEn, d.legalSource, d.provisional]),
    );
  return key(a) === key(b);
}

function validView(projection: CaseProjection, state: unknown, envelope: EventEnvelope): ValidCaseView {
  let view: unknown;
  try {
    view = projection.view(state);
  } catch (err) {
    throw new ProjectionRefusedError('projection-failed', `event ${envelope.eventId} (${envelope.type}): view failed: ${describe(err)}`, {
      cause: err,
    });
  }
  const parsed = caseViewSchema.safeParse(view);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ProjectionRefusedError('projection-failed', `event ${envelope.eventId} (${envelope.type}): invalid case view: ${issues}`);
  }
  return parsed.data;
}

/** The deadlines the stored state shows; undefined (so they are rewritten) when its view cannot be read. */
function previousDeadlines(projection: CaseProjection, previous: unknown): OpenDeadline[] | undefined {
  try {
    const parsed = caseViewSchema.safeParse(projection.view(previous));
    return parsed.success ? parsed.data.deadlines : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pure: the same `evolve` the workflow runs, then the view the rows are made of. `previous` is undefined for
 * the first event of a case. Anything the projection throws is a refusal naming the event.
 */
export function projectEvent(projection: CaseProjection, previous: unknown, envelope: EventEnvelope): ProjectedEvent {
  const before = previous === undefined ? projection.initialState() : previous;
  let state: unknown;
  try {
    state = projection.evolve(before, envelope);
  } catch (err) {
    throw new ProjectionRefusedError(
      'projection-failed',
      `event ${envelope.eventId} (${envelope.type}) cannot be applied: ${describe(err)}`,
      {
        cause: err,
      },
    );
  }
  const view = validView(projection, state, envelope);
  const stored = previous === undefined ? undefined : previousDeadlines(projection, previous);
  const deadlinesChanged = stored === undefined || !sameDeadlines(stored, view.deadlines);
  const nextDue = view.deadlines.reduce<string | null>((min, d) => (min === null || d.due < min ? d.due : min), null);
  let notice: ProjectedNotice | null = null;
  if (envelope.type === ESCALATION_NOTICE_EVENT) {
    const parsed = escalationNoticeRaisedSchema.safeParse(envelope.payload);
    if (!parsed.success) {
      throw new ProjectionRefusedError(
        'projection-failed',
        `event ${envelope.eventId}: invalid ${ESCALATION_NOTICE_EVENT} payload: ${parsed.error.message}`,
      );
    }
    notice = { ...parsed.data, recipientIds: [] };
  } else if (projection.noticeOf) {
    try {
      notice = projection.noticeOf(envelope, state);
    } catch (err) {
      throw new ProjectionRefusedError(
        'projection-failed',
        `event ${envelope.eventId} (${envelope.type}): its notice cannot be read: ${describe(err)}`,
        {
          cause: err,
        },
      );
    }
  }
  return { state, view, deadlinesChanged, nextDue, notice };
}
