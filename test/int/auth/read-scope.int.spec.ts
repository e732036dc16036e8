import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface CaseBody {
  caseId: string;
  state: { party: { idNumber?: string } };
  timeline: { type: string; payload: { party?: { idNumber?: string } } }[];
}
interface Page {
  items: { caseId: string }[];
}

const ID = '110101199003071234';
let stack: Stack;
let caseId: string;

beforeAll(async () => {
  stack = await Stack.start();
  const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '销售不合格电热毯',
    party: { kind: 'citizen', name: '张三', idNumber: ID },
    discoveredOn: shanghaiDate(Date.now()),
    leadSource: 'complaint',
    summary: '消费者投诉',
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.caseId;
  await waitUntil('the case in the read model', async () => {
    const res = await stack.request('GET', `/api/cases/${caseId}`);
    return res.status === 200 ? true : undefined;
  });
});
afterAll(() => stack?.stop());

const read = (who: string) => stack.request<CaseBody & { code?: string }>('GET', `/api/cases/${caseId}`, undefined, who);
const listed = async (who: string) =>
  (await stack.request<Page>('GET', '/api/cases?closed=false&limit=500', undefined, who)).body.items.some((c) => c.caseId === caseId);

/** Need to know: a case is read by its section, those assigned to it, the head, auditors, the committee and the office. */
describe('case reads are scoped, and citizens’ ID numbers masked outside the handling section', () => {
  it('the handling section and the head read it in full', async () => {
    for (const who of ['officer-li', 'chief-zhao', 'head-wang']) {
      const res = await read(who);
      expect([who, res.status, res.body.state.party.idNumber]).toEqual([who, 200, ID]);
      expect(await listed(who)).toBe(true);
    }
  });

  it('another section neither reads nor lists it, nor sees its notices; the refusal names why', async () => {
    const res = await read('officer-chen');
    expect([res.status, res.body.code]).toEqual([403, 'CASE_NOT_VISIBLE']);
    expect(await listed('officer-chen')).toBe(false);
    const notices = await stack.request<Page>('GET', `/api/notices?caseId=${caseId}`, undefined, 'officer-chen');
    expect(notices.body.items).toEqual([]);
  });

  it('auditors, the committee and the office read it with the ID number masked, in the state and in the timeline', async () => {
    for (const who of ['auditor-zhou', 'committee', 'officer-qian']) {
      const res = await read(who);
      expect([who, res.status]).toEqual([who, 200]);
      expect(res.body.state.party.idNumber).toBe('1101**********1234');
      expect(JSON.stringify(res.body)).not.toContain(ID);
      expect(await listed(who)).toBe(true);
    }
  });

  it('an assignment opens the case to an officer of another section, in full', async () => {
    const granted = await stack.request(
      'POST',
      `/api/cases/${caseId}/assignments`,
      { userId: 'officer-chen', reason: '协助调查' },
      'chief-zhao',
    );
    expect(granted.status).toBeLessThan(300);
    const res = await read('officer-chen');
    expect([res.status, res.body.state.party.idNumber]).toEqual([200, ID]);
    expect(await listed('officer-chen')).toBe(true);
  });

  it('an administrator manages accounts and reads no case', async () => {
    expect((await read('admin')).status).toBe(403);
    expect(await listed('admin')).toBe(false);
  });
});
