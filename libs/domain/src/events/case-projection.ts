import type { IsoDate } from '../shared/iso-date';
import type { Section } from '../shared/actor';
import type { EventEnvelope } from './envelope';
import type { ProjectedNotice } from './escalation-notice';

/** An open deadline as officers see it: when, why (legal source), and whether the calendar is certain. */
export interface OpenDeadline {
  kind: string;
  labelZh: string;
  labelEn: string;
  due: IsoDate;
  legalSource: string;
  /** true when the period runs past the loaded holiday calendar: the date may move when the State Council notice is loaded */
  provisional: boolean;
}

/** What the read model keeps of one case, derived from its state. */
export interface CaseView {
  caseType: string;
  bureauId: string;
  section: Section;
  stage: string;
  procedure: string | null;
  title: string;
  partyName: string;
  closed: boolean;
  deadlines: OpenDeadline[];
}

/**
 * The read model is built with the same `evolve` as the workflow, through this interface,
 * so that the projection and the durable process always agree.
 */
export interface CaseProjection<S = unknown> {
  caseType: string;
  initialState(): S;
  evolve(state: S, event: EventEnvelope): S;
  view(state: S): CaseView;
  /**
   * A notice an event of this process raises besides `EscalationNoticeRaised` (which every process raises alike),
   * read from the event and the state it led to; null for the other events.
   */
  noticeOf?(envelope: EventEnvelope, state: S): ProjectedNotice | null;
  /** the event types `noticeOf` reads: they go out on the notices topic too */
  readonly noticeEvents?: readonly string[];
  /**
   * true when evolve, view and noticeOf never change the state they are given (they return new objects, sharing the
   * parts they keep): the read model may then hand them a frozen state whose parts it shares from event to event.
   */
  readonly readonlyState?: boolean;
}
