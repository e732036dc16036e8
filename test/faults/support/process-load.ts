import { shanghaiDate } from '@qts/domain';
import type { Stack } from '../../support/stack';
import { definite } from './client';
import { refuse } from './penalty-load';
import { between, nextRandom } from './schedule';
import type { ProcessScript } from './scripts';

export interface AckedEvent {
  seq: number;
  type: string;
}

/** One case a client opened and moved, as its 2xx answers told it. */
export interface AckedCase {
  process: string;
  caseId: string;
  /** the events of every acknowledged opening and command (the answers' seq and type) */
  events: AckedEvent[];
  /** the stage the last acknowledged answer named: what the acknowledged commands imply */
  stage: string;
  /** how many of the script's commands were acknowledged */
  moved: number;
  /** a refused command ends the script for this case (a resend would be refused again) */
  refused: boolean;
}

export interface ProcessLedger {
  cases: AckedCase[];
  /** acknowledged commands, openings included */
  acknowledged: number;
  refused: number;
  lastRefusal: string;
}

export const newProcessLedger = (): ProcessLedger => ({ cases: [], acknowledged: 0, refused: 0, lastRefusal: '' });

interface Answer {
  caseId?: unknown;
  stage?: unknown;
  events?: unknown;
}

function eventsOf(body: Answer): AckedEvent[] | undefined {
  if (!Array.isArray(body.events)) return undefined;
  const events = body.events as { seq?: unknown; type?: unknown }[];
  return events.every((e) => typeof e.seq === 'number' && typeof e.type === 'string')
    ? events.map((e) => ({ seq: e.seq as number, type: e.type as string }))
    : undefined;
}

/**
 * A client of one process that keeps its own cases (so each case's commands go one after another): now and then it
 * opens a case, else it sends the next command of one of its cases that has one left, with an Idempotency-Key, resent
 * with the same key until the answer is definite. Only 2xx answers go into the ledger.
 */
export class ProcessClient {
  private readonly mine: AckedCase[] = [];

  constructor(
    private readonly stack: Stack,
    private readonly script: ProcessScript,
    private readonly ledger: ProcessLedger,
    private readonly client: string,
  ) {}

  async step(n: number): Promise<void> {
    const today = shanghaiDate(Date.now());
    const movable = this.mine.filter((c) => !c.refused && c.moved < this.script.steps.length);
    if (movable.length === 0 || nextRandom() < 0.25) return this.open(`${this.client}-${n}-${this.stack.id}`, today);
    const acked = movable[between(0, movable.length)];
    const step = acked && this.script.steps[acked.moved];
    if (!acked || !step) return;
    const { by, command } = typeof step === 'function' ? { by: this.script.user, command: step } : step;
    const res = await definite(
      this.stack,
      'POST',
      `/api/${this.script.route}/${acked.caseId}/commands`,
      command(`${this.client}-${acked.caseId}`, today),
      `fault-${acked.caseId}-${acked.moved + 1}`,
      by,
    );
    const events = eventsOf(res.body);
    const stage = (res.body as Answer).stage;
    if (res.status === 200 && events && typeof stage === 'string') {
      acked.events.push(...events);
      acked.stage = stage;
      acked.moved += 1;
      this.ledger.acknowledged += 1;
    } else {
      acked.refused = true;
      refuse(this.ledger, res);
    }
  }

  /** An opening is not idempotent: a lost 201 leaves an unacknowledged case, which is not counted. */
  private async open(tag: string, today: string): Promise<void> {
    const res = await definite(this.stack, 'POST', `/api/${this.script.route}`, this.script.opening(tag, today), null, this.script.user);
    const body = res.body as Answer;
    const events = eventsOf(body);
    if (res.status === 201 && typeof body.caseId === 'string' && typeof body.stage === 'string' && events) {
      const acked: AckedCase = { process: this.script.name, caseId: body.caseId, events, stage: body.stage, moved: 0, refused: false };
      this.mine.push(acked);
      this.ledger.cases.push(acked);
      this.ledger.acknowledged += 1;
    } else refuse(this.ledger, res);
  }
}
