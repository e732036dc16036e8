import { shanghaiDate } from '@qts/domain';
import { Stack } from '../../support/stack';

interface CaseBody {
  caseId: string;
  stage: string;
  closed: boolean;
  lastSeq: number;
}

let stack: Stack;

// a short wait bound, so that the test of a wait that runs out takes a second, not the default ten
beforeAll(async () => {
  stack = await Stack.start(['worker', 'projector', 'api'], { API_PROJECTION_WAIT_SECONDS: '2' });
});
afterAll(async () => {
  await stack?.stop();
});

const today = () => shanghaiDate(Date.now());

async function openSummaryCase(): Promise<string> {
  const res = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'OpenSummaryCase',
    section: 'enforcement',
    title: '读己之写 read your writes',
    party: { kind: 'organisation', name: '某食品包装厂' },
    violationDate: today(),
    decidedOn: today(),
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen: 20_000 },
  });
  expect(res.status).toBe(201);
  return res.body.caseId;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
}

describe('GET /api/cases/:id?untilSeq= waits for the read model (read your own writes)', () => {
  it('a case just opened, then just paid, is answered as it is after the command, with no polling', async () => {
    const caseId = await openSummaryCase();
    // asked at once: the read model may not hold the case yet; the wait makes the first answer the right one
    const opened = await stack.request<CaseBody>('GET', `/api/cases/${caseId}?untilSeq=3`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ caseId, stage: 'payment', lastSeq: 3 });

    const paid = await stack.request<{ events: { seq: number }[] }>('POST', `/api/penalty-cases/${caseId}/commands`, {
      type: 'RecordPayment',
      paidOn: today(),
      amountFen: 20_000,
      reference: `R-RYW-${caseId}`,
      channel: 'officer',
    });
    expect(paid.status).toBe(200);
    const last = Math.max(...paid.body.events.map((e) => e.seq));
    const closed = await stack.request<CaseBody>('GET', `/api/cases/${caseId}?untilSeq=${last}`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closed: true, lastSeq: last });
  });

  it('an event that never comes: answered what the read model has once API_PROJECTION_WAIT_SECONDS is over', async () => {
    const caseId = await openSummaryCase();
    await stack.request<CaseBody>('GET', `/api/cases/${caseId}?untilSeq=3`);
    const { value, ms } = await timed(() => stack.request<CaseBody>('GET', `/api/cases/${caseId}?untilSeq=99`));
    expect(value.status).toBe(200);
    expect(value.body.lastSeq).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(1_900);
  });

  it('a case that does not exist is 404 after the wait, and a bad untilSeq is 400 naming it', async () => {
    const missing = await stack.request<{ code: string }>('GET', '/api/cases/PEN-19990101-deadbeef?untilSeq=1');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999999']) {
      const res = await stack.request<{ message: string }>('GET', `/api/cases/PEN-19990101-deadbeef?untilSeq=${bad}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('untilSeq');
    }
  });

  it('many readers waiting on many cases are all answered, each with its own case', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => openSummaryCase()));
    const answers = await Promise.all(ids.flatMap((id) => [1, 2].map(() => stack.request<CaseBody>('GET', `/api/cases/${id}?untilSeq=3`))));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.map((a) => a.body.caseId)).toEqual(ids.flatMap((id) => [id, id]));
    expect(answers.every((a) => a.body.lastSeq === 3)).toBe(true);
  });
});
