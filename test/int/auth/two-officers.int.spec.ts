import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface ErrorBody {
  code: string;
  message: string;
  details: unknown;
}

let stack: Stack;
let caseId: string;
const today = shanghaiDate(Date.now());
const evidence = (officerIds: string[], extra: Record<string, unknown> = {}) => ({
  type: 'RecordEvidence',
  kind: 'site_inspection',
  collectedOn: today,
  officerIds,
  description: '现场检查笔录',
  ...extra,
});

beforeAll(async () => {
  stack = await Stack.start();
  const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '涉嫌使用未经检验的电梯',
    party: { kind: 'organisation', name: '某商场' },
    discoveredOn: today,
    leadSource: 'complaint',
    summary: '投诉',
  });
  caseId = lead.body.caseId;
});
afterAll(() => stack?.stop());

const send = (body: unknown, as = 'officer-li') => stack.request<ErrorBody>('POST', `/api/penalty-cases/${caseId}/commands`, body, as);
const filing = (handlerIds: string[], extra: object = {}) => ({
  type: 'DecideFiling',
  decision: 'file',
  decidedOn: today,
  reason: '立案',
  handlerIds,
  ...extra,
});

describe('filing designates two or more 办案人员 holding certificates valid that day (行政处罚法 第四十二条)', () => {
  it('refuses a filing that names no handlers or one handler twice', async () => {
    const none = await send({ type: 'DecideFiling', decision: 'file', decidedOn: today, reason: '立案' }, 'head-wang');
    expect([none.status, none.body.code]).toEqual([422, 'TWO_OFFICERS_REQUIRED']);
    const twice = await send(filing(['officer-li', 'officer-li']), 'head-wang');
    expect([twice.status, twice.body.code]).toEqual([422, 'TWO_OFFICERS_REQUIRED']);
    expect(twice.body.message).toContain('立案须指定两名以上办案人员');
  });

  it('refuses a handler whose certificate has expired, whatever certificate the client sends', async () => {
    const forged = [{ id: 'officer-ma', name: 'x', certificate: { number: 'FAKE', validFrom: '2020-01-01', validTo: '2099-12-31' } }];
    const res = await send(filing(['officer-li', 'officer-ma'], { handlers: forged }), 'head-wang');
    expect([res.status, res.body.code]).toEqual([422, 'OFFICER_CERTIFICATE_NOT_VALID']);
    expect(res.body.message).toContain(`立案日 ${today}`);
    expect(res.body.message).toContain('officer-ma');
  });

  it('files the case with two certified handlers, their certificate numbers on the event', async () => {
    const res = await stack.request<{ events: { type: string }[] }>(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      filing(['officer-li', 'officer-zhao']),
      'head-wang',
    );
    expect([res.status, res.body.events.map((e) => e.type)]).toEqual([200, ['CaseFiled']]);
    const filed = await waitUntil('the filing in the read model', async () => {
      const c = await stack.request<{
        timeline: { type: string; payload: { handlers?: { officerId: string; number: string }[] } }[];
      }>('GET', `/api/cases/${caseId}`);
      return c.body.timeline?.find((e) => e.type === 'CaseFiled');
    });
    expect(filed.payload.handlers?.map((h) => h.officerId)).toEqual(['officer-li', 'officer-zhao']);
    expect(filed.payload.handlers?.every((h) => /^32010\d{4}$/.test(h.number))).toBe(true);
  });
});

describe('evidence needs two distinct officers holding certificates valid that day (行政处罚法 第四十二条)', () => {
  it('refuses one officer named twice', async () => {
    const res = await send(evidence(['officer-li', 'officer-li']));
    expect([res.status, res.body.code]).toEqual([422, 'TWO_OFFICERS_REQUIRED']);
  });

  it('refuses an officer whose certificate has expired, naming them, even when the client sends a forged certificate', async () => {
    const forged = [{ id: 'officer-ma', name: 'x', certificate: { number: 'FAKE', validFrom: '2020-01-01', validTo: '2099-12-31' } }];
    const res = await send(evidence(['officer-li', 'officer-ma'], { officers: forged }));
    expect([res.status, res.body.code]).toEqual([422, 'OFFICER_CERTIFICATE_NOT_VALID']);
    expect(res.body.message).toContain('2024-12-31');
    expect(res.body.message).toContain('officer-ma');
  });

  it('refuses an officer without an account, and a disabled one', async () => {
    expect((await send(evidence(['officer-li', 'officer-ghost']))).body.code).toBe('OFFICER_UNKNOWN');
    expect((await stack.request('POST', '/api/users/officer-wu/disable', { reason: '停职' }, 'admin')).status).toBe(200);
    const res = await send(evidence(['officer-li', 'officer-wu']));
    expect([res.body.code, res.body.details]).toEqual(['OFFICER_UNKNOWN', { unknown: ['officer-wu'] }]);
  });

  it('an officer with an expired certificate cannot act at all', async () => {
    const res = await stack.request<ErrorBody>('POST', '/api/penalty-cases', { type: 'RegisterLead', section: 'metrology' }, 'officer-ma');
    expect([res.status, res.body.code]).toEqual([403, 'CERTIFICATE_NOT_VALID']);
  });

  it('records two certified officers with their certificate numbers on the event', async () => {
    const res = await send(evidence(['officer-li', 'officer-zhao']));
    expect(res.status).toBe(200);
    const row = await waitUntil('the evidence in the read model', async () => {
      const c = await stack.request<{
        timeline: { type: string; actor: { id: string }; payload: { certificates?: { officerId: string; number: string }[] } }[];
      }>('GET', `/api/cases/${caseId}`);
      return c.body.timeline?.find((e) => e.type === 'EvidenceRecorded');
    });
    expect(row.actor.id).toBe('officer-li');
    expect(row.payload.certificates?.map((c) => c.officerId)).toEqual(['officer-li', 'officer-zhao']);
    expect(row.payload.certificates?.every((c) => /^32010\d{4}$/.test(c.number))).toBe(true);
  });
});

describe('a process started by a case (移送公安) belongs to the case’s section', () => {
  it('the police escalation started by the transfer is open to the enforcement team, not to another section', async () => {
    const transferred = await stack.request(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      { type: 'TransferToPolice', decidedOn: today, grounds: '涉嫌生产销售伪劣产品罪' },
      'head-wang',
    );
    expect(transferred.status).toBe(200);
    const escalationId = `${caseId}-POLICE`;
    await waitUntil('the police escalation in the read model', async () => {
      const res = await stack.request<{ caseType: string }>('GET', `/api/cases/${escalationId}`);
      return res.status === 200 ? res.body : undefined;
    });
    const url = `/api/escalations/${escalationId}/commands`;
    const other = await stack.request<ErrorBody>('POST', url, { type: 'RecordAcknowledgement' }, 'officer-chen');
    expect([other.status, other.body.code]).toEqual([403, 'SECTION_NOT_PERMITTED']);
    expect((await stack.request('POST', url, { type: 'RecordAcknowledgement' }, 'officer-li')).status).toBe(400);
  });
});
