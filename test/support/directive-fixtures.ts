import {
  decideDirective,
  evolveDirective,
  initialDirectiveState,
  isDomainError,
  type Actor,
  type DirectiveCaseCommand,
  type DirectiveCommand,
  type DirectiveEvent,
  type DirectiveOpeningCommand,
  type DirectiveState,
  type DomainError,
} from '@qts/domain';
import { calendar, certified, head, noonOn, system } from './penalty-given-when-then';

export { calendar, certified, head, noonOn, system };
export const inspector: Actor = { id: 'officer-hu', role: 'officer', name: '胡军' };
export const chiefXu: Actor = { id: 'chief-xu', role: 'section_chief', name: '徐波' };
export const DIRECTIVE_CASE_ID = 'SED-20260302-0001';

export const EQUIPMENT = {
  registrationCode: '3110310105201906001',
  type: 'elevator' as const,
  location: '幸福小区3号楼1单元',
  userUnit: { name: '某物业管理有限公司', creditCode: '91310000MA1FL00001' },
};

const team = { inspectorIds: ['officer-hu', 'officer-zhu'], inspectors: certified('officer-hu', 'officer-zhu') };

export function inspectionCommand(
  on: string,
  extra: Partial<Extract<DirectiveOpeningCommand, { type: 'RecordInspection' }>> = {},
): DirectiveOpeningCommand {
  return {
    type: 'RecordInspection',
    inspectedOn: on,
    section: 'special_equipment',
    equipment: EQUIPMENT,
    ...team,
    findings: '电梯超过定期检验周期仍在使用，安全钳动作试验不合格。',
    severity: 'ordinary',
    unitSignature: { signed: true, signedBy: '张经理' },
    ...extra,
  };
}

export function emergencyCommand(
  on: string,
  extra: Partial<Extract<DirectiveOpeningCommand, { type: 'RecordEmergencyOrder' }>> = {},
): DirectiveOpeningCommand {
  return {
    type: 'RecordEmergencyOrder',
    orderedOn: on,
    orderedAt: `${on}T10:30:00+08:00`,
    place: '幸福小区3号楼1单元电梯机房',
    measures: '立即停止使用该电梯，切断主电源，设置警示标志。',
    section: 'special_equipment',
    equipment: EQUIPMENT,
    ...team,
    findings: '曳引钢丝绳断股，制动器失效，存在严重事故隐患。',
    severity: 'serious_hazard',
    unitSignature: { signed: false, refusalNote: '使用单位负责人拒绝在现场检查记录上签字，已由两名监察人员记录在案。' },
    ...extra,
  };
}

export function directiveCommand(issuedOn: string, rectifyBy: string): DirectiveCaseCommand {
  return {
    type: 'IssueWrittenDirective',
    directiveNo: '特监指〔2026〕第007号',
    issuedOn,
    items: [{ problem: '电梯超期未检验', measure: '停止使用，申报定期检验，检验合格后方可使用' }],
    legalBasis: '《特种设备安全法》第四十条、第六十一条',
    rectifyBy,
    service: { method: 'direct', receivedBy: '张经理', servedOn: issuedOn },
  };
}

export const reinspection = (on: string, result: 'rectified' | 'not_rectified'): DirectiveCaseCommand => ({
  type: 'RecordReinspection',
  reinspectedOn: on,
  mode: 'on_site',
  ...team,
  result,
  findings: result === 'rectified' ? '已检验合格并取得检验报告。' : '未整改，电梯仍在使用。',
});

export const stateFrom = (events: DirectiveEvent[]): DirectiveState => events.reduce(evolveDirective, initialDirectiveState());

/** given(events).when(command, on, actor): the pure directive decider, with the case id a child escalation is named after. */
export function given(history: DirectiveEvent[]) {
  const state = stateFrom(history);
  return {
    state,
    when(command: DirectiveCommand, today: string, actor: Actor = inspector) {
      const result = decideDirective(state, command, { now: noonOn(today), actor, calendar, caseId: DIRECTIVE_CASE_ID });
      return {
        result,
        thenEvents(): DirectiveEvent[] {
          if (isDomainError(result)) throw new Error(`expected events, got refusal ${result.code}: ${result.message}`);
          return result;
        },
        thenRefused(code: string): DomainError {
          if (!isDomainError(result)) throw new Error(`expected refusal ${code}, got events ${result.map((e) => e.type).join(', ')}`);
          expect(result.code).toBe(code);
          return result;
        },
      };
    },
  };
}

export function run(steps: { command: DirectiveCommand; on: string; actor?: Actor }[], history: DirectiveEvent[] = []): DirectiveEvent[] {
  const events = [...history];
  for (const s of steps) events.push(...given(events).when(s.command, s.on, s.actor).thenEvents());
  return events;
}
