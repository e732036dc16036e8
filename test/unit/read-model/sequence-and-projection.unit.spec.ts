import type { CaseProjection, EventEnvelope } from '@qts/domain';
import { ProjectionRefusedError, decideSequence, projectEvent } from '@qts/read-model';

interface S {
  stage: string;
  deadlines: Record<string, string>;
}

const projection: CaseProjection<S> = {
  caseType: 'unit',
  initialState: () => ({ stage: 'none', deadlines: {} }),
  evolve: (s, e) => {
    const p = e.payload as { kind?: string; due?: string; stage?: string };
    switch (e.type) {
      case 'Staged':
        return { ...s, stage: p.stage ?? 'x' };
      case 'Due':
        return { ...s, deadlines: { ...s.deadlines, [p.kind ?? '']: p.due ?? '' } };
      case 'EscalationNoticeRaised':
        return s;
      default:
        throw new Error(`unknown event ${e.type}`);
    }
  },
  view: (s) => ({
    caseType: 'unit',
    bureauId: '',
    section: 'quality',
    stage: s.stage,
    procedure: null,
    title: 't',
    partyName: 'p',
    closed: false,
    deadlines: Object.entries(s.deadlines).map(([kind, due]) => ({
      kind,
      due,
      labelZh: '期限',
      labelEn: 'deadline',
      legalSource: 'law',
      provisional: false,
    })),
  }),
};

function event(seq: number, type: string, payload: Record<string, unknown> = {}): EventEnvelope {
  return {
    eventId: `U-1:${seq}`,
    caseId: 'U-1',
    caseType: 'unit',
    bureauId: 'b',
    seq,
    type,
    schemaVersion: 1,
    occurredAt: '2025-03-03T01:00:00.000Z',
    actor: { id: 'system', role: 'system' },
    payload,
  };
}

describe('decideSequence', () => {
  it('applies the next seq, skips what was applied, stops at a gap', () => {
    expect(decideSequence(0, 1)).toEqual({ kind: 'apply' });
    expect(decideSequence(4, 5)).toEqual({ kind: 'apply' });
    expect(decideSequence(4, 4)).toEqual({ kind: 'duplicate' });
    expect(decideSequence(4, 1)).toEqual({ kind: 'duplicate' });
    expect(decideSequence(4, 7)).toEqual({ kind: 'gap', expected: 5 });
    expect(decideSequence(0, 2)).toEqual({ kind: 'gap', expected: 1 });
  });
});

describe('projectEvent', () => {
  it('evolves from the initial state for the first event and writes its deadlines', () => {
    const p = projectEvent(projection, undefined, event(1, 'Staged', { stage: 'open' }));
    expect(p).toMatchObject({ state: { stage: 'open', deadlines: {} }, deadlinesChanged: true, nextDue: null, notice: null });
    expect(p.view.stage).toBe('open');
  });

  it('rewrites deadlines only when they changed and tracks the earliest', () => {
    const s1 = projectEvent(projection, { stage: 'open', deadlines: {} }, event(2, 'Due', { kind: 'a', due: '2025-04-10' }));
    expect(s1).toMatchObject({ deadlinesChanged: true, nextDue: '2025-04-10' });
    const s2 = projectEvent(projection, s1.state, event(3, 'Due', { kind: 'b', due: '2025-04-01' }));
    expect(s2).toMatchObject({ deadlinesChanged: true, nextDue: '2025-04-01' });
    const s3 = projectEvent(projection, s2.state, event(4, 'Staged', { stage: 'review' }));
    expect(s3.deadlinesChanged).toBe(false);
  });

  it('reads the notice of an escalation event', () => {
    const payload = {
      noticeKey: 'decision@2025-04-01:missed:bureau_head',
      supersedes: [],
      deadlineKind: 'decision',
      level: 'missed',
      recipientRole: 'bureau_head',
      due: '2025-04-01',
      legalSource: 'law',
      message: '逾期',
    };
    expect(projectEvent(projection, { stage: 'open', deadlines: {} }, event(2, 'EscalationNoticeRaised', payload)).notice).toEqual({
      ...payload,
      recipientIds: [],
    });
  });

  it('refuses an escalation event whose payload is not a notice', () => {
    expect(() => projectEvent(projection, { stage: 'open', deadlines: {} }, event(2, 'EscalationNoticeRaised', { level: 'loud' }))).toThrow(
      ProjectionRefusedError,
    );
  });

  it('refuses, naming the event, when evolve throws', () => {
    expect(() => projectEvent(projection, undefined, event(1, 'Bogus'))).toThrow(
      /event U-1:1 \(Bogus\) cannot be applied: unknown event Bogus/,
    );
  });

  it('refuses a view that would make bad rows (impossible date)', () => {
    let error: unknown;
    try {
      projectEvent(projection, undefined, event(1, 'Due', { kind: 'a', due: '2025-02-30' }));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProjectionRefusedError);
    expect((error as ProjectionRefusedError).code).toBe('projection-failed');
    expect((error as ProjectionRefusedError).message).toContain('invalid case view: deadlines.0.due');
  });
});
