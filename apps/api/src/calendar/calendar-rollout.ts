import { randomBytes } from 'node:crypto';
import type { Actor } from '@qts/domain';

/**
 * One rollout: a loaded State Council notice handed to every running case of the bureau by one Temporal batch
 * operation (signal `calendarUpdated`, selected by the `BureauId` search attribute).
 * pending: recorded, not yet accepted by Temporal (retried until it is); running / completed / failed: the batch's own
 * state; unknown: Temporal no longer holds a batch that was never seen finishing (past the namespace's retention).
 */
export const ROLLOUT_STATES = ['pending', 'running', 'completed', 'failed', 'unknown'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];

export interface CalendarRollout {
  /** also the Temporal batch job id: fixed when the rollout is recorded, so every start attempt names the same job */
  id: string;
  bureauId: string;
  year: number;
  /** 1 for a year's first notice, +1 each time a different notice for that year is loaded */
  revision: number;
  noticeDigest: string;
  loadedBy: Actor;
  loadedAt: string;
  state: RolloutState;
  startedAt: string | null;
  finishedAt: string | null;
  /** running cases the batch selected, signalled, and failed to signal */
  total: number;
  done: number;
  failed: number;
  error: string | null;
}

/** The progress of a running batch, as Temporal describes it. */
export interface BatchProgress {
  state: 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  failed: number;
  finishedAt: string | null;
  error: string | null;
}

export const TERMINAL_STATES: ReadonlySet<RolloutState> = new Set(['completed', 'failed', 'unknown']);

/** Rollout ids are URL- and batch-job-id-safe; a route parameter outside this shape is refused with 400. */
export const ROLLOUT_ID_PATTERN = /^calendar-[A-Za-z0-9_.-]{1,200}$/;

/**
 * `calendar-<bureau>-<year>-r<revision>-<random>`: readable in `temporal batch list`, and unique across
 * deployments sharing a Temporal namespace (a rebuilt database restarts revisions at 1).
 */
export function newRolloutId(bureauId: string, year: number, revision: number): string {
  const bureau = bureauId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
  return `calendar-${bureau}-${year}-r${revision}-${randomBytes(4).toString('hex')}`;
}
