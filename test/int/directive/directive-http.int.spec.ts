import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { addDays, isDomainError, resolveDirectiveRules, shanghaiDate, writtenDirectiveDeadline } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';
import { EQUIPMENT, calendar } from '../../support/directive-fixtures';

interface CaseBody {
  stage: string;
  procedure: string;
  deadlines: { kind: string; due: string; legalSource: string }[];
}
interface EquipmentList {
  items: {
    caseId: string;
    awaitingWrittenDirective: boolean;
    emergencyOrder: boolean;
    stage: string;
    equipment: { registrationCode: string };
  }[];
}

let stack: Stack;
const today = () => shanghaiDate(Date.now());
const team = { section: 'special_equipment', inspectorIds: ['officer-hu', 'officer-zhu'] };

beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(async () => {
  await stack?.stop();
});

function caseWhen(caseId: string, ready: (c: CaseBody) => boolean): Promise<CaseBody> {
  return waitUntil(`case ${caseId} in the read model`, async () => {
    const res = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'chief-xu');
    return res.status === 200 && ready(res.body) ? res.body : undefined;
  });
}

async function pdfOf(caseId: string): Promise<Response> {
  return fetch(`${stack.baseUrl}/api/directives/${caseId}/document.pdf`, {
    headers: { authorization: `Bearer ${await stack.tokenOf('officer-hu')}` },
  });
}

describe('special-equipment directives over HTTP, to the read model and the printed 指令书', () => {
  it('tracks an emergency order until its written directive, lists it first for the unit, and prints the 指令书', async () => {
    const d = today();
    const emergency = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn: d,
        orderedAt: `${d}T09:15:00+08:00`,
        place: '幸福小区3号楼1单元电梯机房',
        measures: '立即停止使用该电梯，切断主电源',
        equipment: EQUIPMENT,
        ...team,
        findings: '曳引钢丝绳断股，制动器失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '张经理' },
      },
      'officer-hu',
    );
    expect({ status: emergency.status, body: emergency.body }).toEqual({
      status: 201,
      body: expect.objectContaining({ stage: 'awaiting_written_directive' }) as object,
    });
    const caseId = emergency.body.caseId;
    expect(caseId).toMatch(/^SED-/);
    const inspection = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordInspection',
        inspectedOn: d,
        equipment: { ...EQUIPMENT, registrationCode: '3110310105201906002' },
        ...team,
        findings: '维护保养记录缺失',
        severity: 'ordinary',
        unitSignature: { signed: false, refusalNote: '负责人拒绝签字，已记录' },
      },
      'officer-hu',
    );
    expect(inspection.status).toBe(201);

    const awaiting = await caseWhen(caseId, (c) => c.stage === 'awaiting_written_directive');
    expect(awaiting.deadlines.find((x) => x.kind === 'written-directive')?.legalSource).toContain('本局规定');
    await caseWhen(inspection.body.caseId, (c) => c.stage === 'awaiting_directive');

    const forUnit = await stack.request<EquipmentList>(
      'GET',
      `/api/directives/equipment?unit=${encodeURIComponent(EQUIPMENT.userUnit.name)}`,
      undefined,
      'chief-xu',
    );
    expect(forUnit.status).toBe(200);
    expect(forUnit.body.items.map((i) => [i.caseId, i.awaitingWrittenDirective])).toEqual([
      [caseId, true],
      [inspection.body.caseId, false],
    ]);
    const forDevice = await stack.request<EquipmentList>(
      'GET',
      `/api/directives/equipment?registrationCode=${EQUIPMENT.registrationCode}`,
      undefined,
      'chief-xu',
    );
    expect(forDevice.body.items.map((i) => i.caseId)).toEqual([caseId]);
    // no unit or device named: every open directive case of the bureau, the emergency order awaiting 补发 first
    const all = await stack.request<EquipmentList>('GET', '/api/directives/equipment', undefined, 'chief-xu');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.caseId).slice(0, 1)).toEqual([caseId]);
    expect(all.body.items.map((i) => i.caseId)).toContain(inspection.body.caseId);
    expect((await stack.request('GET', '/api/directives/equipment?unit=', undefined, 'chief-xu')).status).toBe(400);

    const early = await pdfOf(caseId);
    expect(early.status).toBe(409);

    const close = await stack.request<{ message: string }>(
      'POST',
      `/api/directives/${caseId}/commands`,
      { type: 'CloseDirective', closedOn: d, reason: '设备报废' },
      'chief-xu',
    );
    expect(close.status).toBeGreaterThanOrEqual(400);
    expect(close.status).toBeLessThan(500);
    expect(close.body.message).toContain('第六十二条');

    const issued = await stack.request<{ stage: string }>(
      'POST',
      `/api/directives/${caseId}/commands`,
      {
        type: 'IssueWrittenDirective',
        directiveNo: '特监指〔2026〕第101号',
        issuedOn: d,
        items: [{ problem: '曳引钢丝绳断股', measure: '更换钢丝绳并经检验合格后方可使用' }],
        legalBasis: '《特种设备安全法》第六十一条、第六十二条',
        rectifyBy: shanghaiDate(Date.now() + 10 * 86_400_000),
        service: { method: 'direct', receivedBy: '张经理', servedOn: d },
      },
      'officer-hu',
    );
    expect(issued.status).toBe(200);
    expect(issued.body.stage).toBe('rectifying');
    await caseWhen(caseId, (c) => c.stage === 'rectifying' && c.deadlines.some((x) => x.kind === 'rectification'));

    const pdf = await pdfOf(caseId);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync(process.execPath, [path.join(__dirname, '../../support/pdf-text.cjs')], {
      input: bytes,
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain('特种设备安全监察指令书（补发）');
    expect(text).toContain('特监指〔2026〕第101号');
    expect(text).toContain(caseId);
  });

  it('reminds the two inspectors by name when the written directive after their emergency order falls due', async () => {
    // an order given a few days ago whose written directive is due soon: the reminder day has come, the due day not
    const d = today();
    const orderedOn = [1, 2, 3, 4, 5]
      .map((n) => addDays(d, -n))
      .find((on) => {
        const rules = resolveDirectiveRules(on);
        if (isDomainError(rules)) return false;
        const due = writtenDirectiveDeadline(calendar, rules, on);
        return due.inspectorReminderOn !== undefined && due.inspectorReminderOn <= d && d <= due.due;
      });
    if (!orderedOn) throw new Error(`no order date in the five days before ${d} has its reminder due today`);
    const order = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn,
        orderedAt: `${orderedOn}T16:40:00+08:00`,
        place: '锅炉房',
        measures: '立即停炉，关闭燃气总阀',
        equipment: { ...EQUIPMENT, registrationCode: '3110310105201906003', type: 'boiler' },
        ...team,
        findings: '安全阀失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '李主任' },
      },
      'officer-hu',
    );
    expect(order.status).toBe(201);
    type NoticePage = {
      items: { caseId: string; recipientRole: string; recipientIds: string[]; deadlineKind: string; legalSource: string }[];
    };
    const mine = await waitUntil('the inspectors’ reminder in the notices', async () => {
      const res = await stack.request<NoticePage>('GET', '/api/notices?recipientId=officer-hu', undefined, 'officer-hu');
      const found = res.body.items.filter((n) => n.caseId === order.body.caseId);
      return found.length > 0 ? found : undefined;
    });
    expect(mine).toEqual([
      expect.objectContaining({
        recipientRole: 'officer',
        recipientIds: ['officer-hu', 'officer-zhu'],
        deadlineKind: 'written-directive',
        legalSource: expect.stringContaining('本局规定') as string,
      }),
    ]);
    // the chief's list of officers' reminders has it too; a notice to another person does not name officer-hu
    const officers = await stack.request<NoticePage>('GET', '/api/notices?recipientRole=officer', undefined, 'chief-xu');
    expect(officers.body.items.map((n) => n.caseId)).toContain(order.body.caseId);
    const others = await stack.request<NoticePage>('GET', '/api/notices?recipientId=officer-li', undefined, 'chief-xu');
    expect(others.body.items.map((n) => n.caseId)).not.toContain(order.body.caseId);
  });

  it('an emergency order whose written directive is overdue is listed as overdue, first, with the chief’s and the head’s notices', async () => {
    const orderedOn = addDays(today(), -20);
    const order = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn,
        orderedAt: `${orderedOn}T11:00:00+08:00`,
        place: '游乐园过山车站台',
        measures: '立即停止运营，疏散游客',
        equipment: { ...EQUIPMENT, registrationCode: '6110310105201906004', type: 'amusement_ride', location: '某游乐园' },
        ...team,
        findings: '安全压杠锁紧装置失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '王经理' },
      },
      'officer-hu',
    );
    expect(order.status).toBe(201);
    type NoticePage = { items: { caseId: string; recipientRole: string; level: string }[] };
    const notices = await waitUntil('the missed notices of the overdue written directive', async () => {
      const res = await stack.request<NoticePage>('GET', `/api/notices?caseId=${order.body.caseId}`, undefined, 'head-wang');
      const roles = new Set(res.body.items.filter((n) => n.level === 'missed').map((n) => n.recipientRole));
      return roles.has('section_chief') && roles.has('bureau_head') ? res.body.items : undefined;
    });
    expect(notices.every((n) => n.caseId === order.body.caseId)).toBe(true);
    const listed = await stack.request<EquipmentList & { items: { overdue: boolean }[] }>(
      'GET',
      '/api/directives/equipment',
      undefined,
      'chief-xu',
    );
    const row = listed.body.items.find((i) => i.caseId === order.body.caseId);
    expect(row).toMatchObject({ awaitingWrittenDirective: true, overdue: true });
    // awaiting 补发 first, and among those the overdue first
    expect(listed.body.items[0]?.caseId).toBe(order.body.caseId);
  });
});
