import { directiveProcess, directiveStage, nextDirectiveWakeUp, startOfShanghaiDay, type DirectiveEvent } from '@qts/domain';
import {
  certified,
  chiefXu,
  directiveCommand,
  emergencyCommand,
  given,
  head,
  inspectionCommand,
  inspector,
  reinspection,
  run,
  stateFrom,
  system,
} from '../../support/directive-fixtures';

function only<K extends DirectiveEvent['type']>(events: DirectiveEvent[], type: K): Extract<DirectiveEvent, { type: K }>[] {
  return events.filter((e): e is Extract<DirectiveEvent, { type: K }> => e.type === type);
}

const inspected = () => run([{ command: inspectionCommand('2026-03-02'), on: '2026-03-02' }]);
const issued = () => run([{ command: directiveCommand('2026-03-03', '2026-03-13'), on: '2026-03-03' }], inspected());
const emergency = () => run([{ command: emergencyCommand('2026-03-02'), on: '2026-03-02' }]);

describe('directive decider (特种设备安全监察指令)', () => {
  describe('inspection (特种设备安全法 第六十五、六十六条; 办法 第十九、二十一、二十七条)', () => {
    it('records the equipment, two inspectors with their certificate numbers, and the unit’s signature', () => {
      const [opened] = given([]).when(inspectionCommand('2026-03-02'), '2026-03-02').thenEvents();
      if (opened?.type !== 'InspectionRecorded') throw new Error('expected InspectionRecorded');
      expect(opened.payload.inspectors.map((i) => i.certificateNo)).toEqual(['CERT-1', 'CERT-2']);
      expect(opened.payload.equipment.registrationCode).toBe('3110310105201906001');
      expect(opened.payload.immediateStop).toBe(false);
    });

    it('refuses an inspection by one inspector, naming 特种设备安全法 第六十五条第三款 and 办法 第十九条', () => {
      const refusal = given([])
        .when(inspectionCommand('2026-03-02', { inspectorIds: ['officer-hu'], inspectors: certified('officer-hu') }), '2026-03-02')
        .thenRefused('TWO_INSPECTORS_REQUIRED');
      expect(refusal.message).toContain('《特种设备安全法》第六十五条第三款；《特种设备安全监督检查办法》第十九条');
    });

    it('refuses an inspector whose certificate is not valid on the day', () => {
      const inspectors = [
        ...certified('officer-hu'),
        { id: 'officer-zhu', name: '朱琳', certificate: { number: 'C-9', validFrom: '2020-01-01', validTo: '2025-12-31' } },
      ];
      given([])
        .when(inspectionCommand('2026-03-02', { inspectorIds: ['officer-hu', 'officer-zhu'], inspectors }), '2026-03-02')
        .thenRefused('OFFICER_CERTIFICATE_NOT_VALID');
    });

    it('refuses a record neither signed nor with the refusal written down (第二十七条)', () => {
      const refusal = given([])
        .when(inspectionCommand('2026-03-02', { unitSignature: { signed: false, refusalNote: '   ' } }), '2026-03-02')
        .thenRefused('UNIT_SIGNATURE_MISSING');
      expect(refusal.message).toContain('第二十七条');
    });

    it('a serious hazard stops the equipment at once (第二十四、二十五条)', () => {
      const [opened] = given([])
        .when(inspectionCommand('2026-03-02', { severity: 'serious_hazard' }), '2026-03-02')
        .thenEvents();
      if (opened?.type !== 'InspectionRecorded') throw new Error('expected InspectionRecorded');
      expect(opened.payload.immediateStop).toBe(true);
    });
  });

  describe('normal path: directive → report → re-inspection within 10 working days (第二十九条) → closed', () => {
    it('re-inspection is due 10 working days after the report, with the source', () => {
      const events = run(
        [{ command: { type: 'RecordRectificationReport', reportedOn: '2026-03-16', summary: '已申报检验' }, on: '2026-03-16' }],
        issued(),
      );
      const [reported] = only(events, 'RectificationReported');
      const due = reported?.payload.deadlines?.set?.[0];
      expect(due).toMatchObject({ kind: 'reinspection', due: '2026-03-30', escalate: true });
      expect(due?.legalSource).toContain('第二十九条');
      expect(directiveStage(stateFrom(events))).toBe('awaiting_reinspection');
    });

    it('a rectified re-inspection closes the case', () => {
      const events = run(
        [
          { command: { type: 'RecordRectificationReport', reportedOn: '2026-03-16', summary: '已申报检验' }, on: '2026-03-16' },
          { command: reinspection('2026-03-20', 'rectified'), on: '2026-03-20' },
        ],
        issued(),
      );
      expect(events.map((e) => e.type).slice(-2)).toEqual(['Reinspected', 'DirectiveClosed']);
      expect(stateFrom(events).closure).toEqual({ closedOn: '2026-03-20', outcome: 'rectified' });
    });

    it('refuses a re-inspection before any rectification report (第二十九条)', () => {
      const refusal = given(issued()).when(reinspection('2026-03-10', 'rectified'), '2026-03-10').thenRefused('NO_RECTIFICATION_REPORT');
      expect(refusal.message).toContain('第二十九条');
    });

    it('refuses a rectification deadline that does not follow the directive', () => {
      given(inspected()).when(directiveCommand('2026-03-03', '2026-03-03'), '2026-03-03').thenRefused('RECTIFY_BY_NOT_AFTER_ISSUE');
    });
  });

  describe('refusal of the directive (第三十六条) → penalty case', () => {
    it('cannot be recorded while the rectification period runs', () => {
      const refusal = given(issued())
        .when({ type: 'RecordDirectiveRefusal', refusedOn: '2026-03-10', facts: '未整改' }, '2026-03-10')
        .thenRefused('NOT_YET_UNRECTIFIED');
      expect(refusal.message).toContain('第三十六条');
    });

    it('after the deadline passes without a report: the fine range is recorded, and linking the penalty case closes', () => {
      const events = run(
        [
          { command: { type: 'RecordDirectiveRefusal', refusedOn: '2026-03-16', facts: '逾期未整改，电梯仍在使用' }, on: '2026-03-16' },
          { command: { type: 'LinkPenaltyCase', penaltyCaseId: 'PEN-20260317-0001', linkedOn: '2026-03-17' }, on: '2026-03-17' },
        ],
        issued(),
      );
      const [refused] = only(events, 'DirectiveRefused');
      // 办法 第三十六条: 5,000–100,000 yuan; 情节严重的 100,000–200,000 yuan
      expect(refused?.payload.fineRange).toEqual({ minYuan: 5_000, maxYuan: 100_000, serious: { minYuan: 100_000, maxYuan: 200_000 } });
      expect(refused?.payload.legalSource).toContain('第三十六条');
      expect(refused?.payload.legalSource).toContain('处五千元以上十万元以下罚款；情节严重的，处十万元以上二十万元以下罚款');
      expect(stateFrom(events).closure?.outcome).toBe('referred_to_penalty');
    });
  });

  describe('emergency path (特种设备安全法 第六十二条 随后补发)', () => {
    it('records what, by whom, when, where and on which equipment; the written directive is due within the bureau’s setting', () => {
      const [opened] = emergency();
      if (opened?.type !== 'EmergencyOrderRecorded') throw new Error('expected EmergencyOrderRecorded');
      expect(opened.payload).toMatchObject({
        orderedOn: '2026-03-02',
        orderedAt: '2026-03-02T10:30:00+08:00',
        place: expect.stringContaining('机房') as string,
      });
      const due = opened.payload.deadlines?.set?.[0];
      expect(due).toMatchObject({
        kind: 'written-directive',
        due: '2026-03-04',
        inspectorReminderOn: '2026-03-03',
        bureauHeadOn: '2026-03-06',
      });
      expect(due?.legalSource).toContain('本局规定');
      expect(due?.legalSource).toContain('第六十二条');
      expect(directiveStage(stateFrom(emergency()))).toBe('awaiting_written_directive');
    });

    it('can never be closed without its written directive, naming 第六十二条', () => {
      const refusal = given(emergency())
        .when({ type: 'CloseDirective', closedOn: '2026-03-05', reason: '设备已报废' }, '2026-03-05', chiefXu)
        .thenRefused('EMERGENCY_ORDER_WITHOUT_WRITTEN_DIRECTIVE');
      expect(refusal.message).toContain('第六十二条');
    });

    it('reminds the inspectors, then the chief, then again, then the head, each on its day', () => {
      let events = emergency();
      const raised: [string, string][] = [];
      for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']) {
        const fresh = given(events).when({ type: 'Tick' }, day, system).thenEvents();
        for (const e of fresh)
          raised.push([day, e.type === 'EscalationNoticeRaised' ? `${e.payload.recipientRole}:${e.payload.level}` : 'inspectors']);
        events = [...events, ...fresh];
      }
      expect(raised).toEqual([
        ['2026-03-03', 'inspectors'],
        ['2026-03-05', 'section_chief:missed'],
        ['2026-03-06', 'section_chief:missed'],
        ['2026-03-07', 'bureau_head:missed'],
      ]);
    });

    it('the late written directive links the order, records how late it came, and starts the rectification clock', () => {
      const [written] = given(emergency()).when(directiveCommand('2026-03-09', '2026-03-20'), '2026-03-09').thenEvents();
      if (written?.type !== 'WrittenDirectiveIssued') throw new Error('expected WrittenDirectiveIssued');
      expect(written.payload.emergencyOrder).toEqual({ orderedOn: '2026-03-02', orderedAt: '2026-03-02T10:30:00+08:00' });
      expect(written.payload.lateByWorkingDays).toBe(3);
      expect(written.payload.deadlines).toEqual({
        set: [expect.objectContaining({ kind: 'rectification', due: '2026-03-20' })],
        clear: ['written-directive'],
      });
    });

    it('the clock sleeps once the written directive is issued', () => {
      const events = run([{ command: directiveCommand('2026-03-03', '2026-03-20'), on: '2026-03-03' }], emergency());
      expect(nextDirectiveWakeUp(stateFrom(events), startOfShanghaiDay('2026-03-04'))).toBeNull();
    });
  });

  describe('serious hazards (第二十四、二十五条; 行政强制法 第二十五条; 第三十、三十一条)', () => {
    it('refuses a seal for an ordinary finding', () => {
      const refusal = given(inspected())
        .when({ type: 'SealEquipment', sealedOn: '2026-03-02', measure: 'seal', decisionNo: '查封〔2026〕1号', reason: 'x' }, '2026-03-02')
        .thenRefused('NOT_A_SERIOUS_HAZARD');
      expect(refusal.message).toContain('第二十四条、第二十五条');
    });

    it('seals for at most 30 days, extends by the head up to 30 more, and refuses beyond', () => {
      const sealed = run(
        [
          {
            command: {
              type: 'SealEquipment',
              sealedOn: '2026-03-02',
              measure: 'seal',
              decisionNo: '查封〔2026〕1号',
              reason: '严重事故隐患',
            },
            on: '2026-03-02',
          },
        ],
        emergency(),
      );
      expect(stateFrom(sealed).seal?.expiresOn).toBe('2026-04-01');
      given(sealed)
        .when({ type: 'ExtendSeal', approvedOn: '2026-03-20', days: 20, reason: '检测' }, '2026-03-20', inspector)
        .thenRefused('ROLE_NOT_ENTITLED');
      const extended = run(
        [{ command: { type: 'ExtendSeal', approvedOn: '2026-03-20', days: 20, reason: '检测鉴定' }, on: '2026-03-20', actor: head }],
        sealed,
      );
      expect(stateFrom(extended).seal?.expiresOn).toBe('2026-04-21');
      const refusal = given(extended)
        .when({ type: 'ExtendSeal', approvedOn: '2026-03-21', days: 11, reason: '再延' }, '2026-03-21', head)
        .thenRefused('SEAL_EXTENSION_TOO_LONG');
      expect(refusal.message).toContain('行政强制法》第二十五条');
    });

    it('refuses to close while the seal is not released; the release is recorded', () => {
      const sealed = run(
        [
          { command: directiveCommand('2026-03-03', '2026-03-20'), on: '2026-03-03' },
          {
            command: {
              type: 'SealEquipment',
              sealedOn: '2026-03-03',
              measure: 'seal',
              decisionNo: '查封〔2026〕1号',
              reason: '严重事故隐患',
            },
            on: '2026-03-03',
          },
        ],
        emergency(),
      );
      given(sealed)
        .when({ type: 'CloseDirective', closedOn: '2026-03-05', reason: '报废' }, '2026-03-05', chiefXu)
        .thenRefused('SEAL_NOT_RELEASED');
      const released = run(
        [{ command: { type: 'ReleaseSeal', releasedOn: '2026-03-10', reason: '已更换钢丝绳' }, on: '2026-03-10' }],
        sealed,
      );
      expect(stateFrom(released).seal).toMatchObject({ releasedOn: '2026-03-10', releaseReason: '已更换钢丝绳' });
    });

    it('reports upward as a child escalation to the city bureau, with the district government report number', () => {
      const events = run(
        [
          {
            command: {
              type: 'ReportSeriousHazard',
              reportedOn: '2026-03-02',
              summary: '严重事故隐患',
              districtGovernmentReportNo: '区特监报〔2026〕3号',
            },
            on: '2026-03-02',
          },
        ],
        emergency(),
      );
      const [reported] = only(events, 'SeriousHazardReported');
      expect(reported?.payload.escalationId).toBe('SED-20260302-0001-ESC-1');
      const effects = directiveProcess.effectsOf?.(
        reported as DirectiveEvent,
        stateFrom(events),
        { caseId: 'SED-20260302-0001', bureauId: 'b', bureauNameZh: '区局' },
        inspector,
      );
      expect(effects).toEqual([
        expect.objectContaining({
          kind: 'startEscalation',
          escalationId: 'SED-20260302-0001-ESC-1',
          command: expect.objectContaining({
            target: { kind: 'city_bureau' },
            legalGround: expect.stringContaining('第三十条') as string,
          }) as object,
        }),
      ]);
    });

    it('refuses an escalation outcome from anyone but the system', () => {
      given(emergency())
        .when({ type: 'RecordEscalationOutcome', escalationId: 'x', outcome: 'accepted', decidedOn: '2026-03-05' }, '2026-03-05', inspector)
        .thenRefused('ROLE_NOT_ENTITLED');
    });
  });
});
