import type { z } from 'zod';
import { shanghaiDate } from '../shared/iso-date';
import { domainError, isDomainError, type DomainError } from '../shared/domain-error';
import { resolveDirectiveRules } from '../policy/directive-rules';
import { checkActDate, checkNotYetOpen, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import type { recordEmergencyOrder, recordInspection } from './commands';
import { writtenDirectiveDeadline } from './deadlines';
import type { DirectiveEvent } from './events';
import { certifiedInspectors } from './inspectors';
import { DIRECTIVE_NOUN, INSPECTORS } from './rules-text';
import type { DirectiveState } from './state';

/** 特种设备安全法 第六十六条, 办法 第二十一条、第二十七条: the unit's responsible person signs the record; a refusal is written down. */
function checkSignature(cmd: {
  unitSignature: { signed: boolean } & ({ signedBy: string } | { refusalNote: string });
}): DomainError | null {
  const s = cmd.unitSignature;
  if ('signedBy' in s && s.signedBy.trim() !== '') return null;
  if ('refusalNote' in s && s.refusalNote.trim() !== '') return null;
  return domainError(
    'UNIT_SIGNATURE_MISSING',
    '检查记录须由被检查单位负责人签字，拒绝签字的应当记录在案（《特种设备安全法》第六十六条；《特种设备安全监督检查办法》第二十一条、第二十七条）/ the unit signs the record, or its refusal is recorded',
  );
}

export function decideOpening(
  state: DirectiveState,
  cmd: z.infer<typeof recordInspection> | z.infer<typeof recordEmergencyOrder>,
  ctx: DecideContext,
): DirectiveEvent[] | DomainError {
  const on = cmd.type === 'RecordInspection' ? cmd.inspectedOn : cmd.orderedOn;
  const invalid = firstError(
    checkNotYetOpen(state.status !== 'none', DIRECTIVE_NOUN),
    checkRole(ctx, INSPECTORS, cmd.type, '特种设备安全监察人员现场检查 / on-site inspection'),
    checkActDate(state, ctx, on, cmd.type === 'RecordInspection' ? '检查' : '紧急处置'),
    checkSignature(cmd),
    cmd.type === 'RecordEmergencyOrder' && shanghaiDate(Date.parse(cmd.orderedAt)) !== cmd.orderedOn
      ? domainError('ORDERED_AT_NOT_ON_DATE', `处置时刻 ${cmd.orderedAt} 不在 ${cmd.orderedOn} / orderedAt is not on orderedOn`)
      : null,
  );
  if (invalid) return invalid;
  const inspectors = certifiedInspectors(
    cmd.inspectorIds,
    cmd.inspectors,
    on,
    cmd.type === 'RecordInspection' ? '监督检查' : '现场紧急处置',
  );
  if (isDomainError(inspectors)) return inspectors;
  const rules = resolveDirectiveRules(on);
  if (isDomainError(rules)) return rules;
  const common = {
    equipment: cmd.equipment,
    inspectors,
    findings: cmd.findings,
    severity: cmd.severity,
    unitSignature: cmd.unitSignature,
    immediateStop: cmd.severity !== 'ordinary',
    rules: rules as unknown as Record<string, unknown>,
  };
  if (cmd.type === 'RecordInspection') return [{ type: 'InspectionRecorded', payload: { inspectedOn: cmd.inspectedOn, ...common } }];
  return [
    {
      type: 'EmergencyOrderRecorded',
      payload: {
        orderedOn: cmd.orderedOn,
        orderedAt: cmd.orderedAt,
        place: cmd.place,
        measures: cmd.measures,
        ...common,
        deadlines: { set: [writtenDirectiveDeadline(ctx.calendar, rules, cmd.orderedOn)], clear: [] },
      },
    },
  ];
}
