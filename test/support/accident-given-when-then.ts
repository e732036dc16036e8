import { givenWhenThen } from './decider-given-when-then';
import {
  decideAccident,
  evolveAccident,
  initialAccidentState,
  type Actor,
  type AccidentCommand,
  type AccidentEvent,
  type AccidentOpeningCommand,
  type AccidentState,
} from '@qts/domain';
import { calendar, certified, head, noonOn, officer, system } from './penalty-given-when-then';

export { calendar, certified, head, noonOn, officer, system };
export const chief: Actor = { id: 'chief-xu', role: 'section_chief', name: '徐波' };

const accident = givenWhenThen<AccidentState, AccidentCommand, AccidentEvent>({
  decide: decideAccident,
  evolve: evolveAccident,
  initial: initialAccidentState,
  actor: officer,
});

export const accidentStateFrom = accident.stateFrom;
export const givenAccident = accident.given;
export const runAccident = accident.run;

/** A lift car stopped with two people inside for 2.5 hours (一般事故, 条例 第六十四条), received at 09:30 Beijing time. */
export function liftReport(day: string, extra: Partial<AccidentOpeningCommand> = {}): AccidentOpeningCommand {
  return {
    type: 'ReceiveAccidentReport',
    reportId: 'R-12365-0001',
    kind: 'special_equipment',
    source: 'hotline_12365',
    occurredAt: `${day}T09:00:00+08:00`,
    receivedAt: `${day}T09:30:00+08:00`,
    place: '某小区3号楼',
    casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 },
    equipmentEvents: [{ kind: 'lift_car_trapped', hours: 2.5, people: 2 }],
    equipment: { registrationCode: '31104403002015000123', equipmentType: '曳引驱动乘客电梯' },
    reporter: { name: '张三', phone: '13800000000' },
    summary: '电梯轿厢停在两层之间，两名乘客被困2.5小时后救出。',
    section: 'special_equipment',
    ...extra,
  };
}

/** A pressure cooker lid burst, one person seriously injured: a product accident the district leads. */
export function productReport(day: string, extra: Partial<AccidentOpeningCommand> = {}): AccidentOpeningCommand {
  return {
    type: 'ReceiveAccidentReport',
    reportId: 'R-12315-0002',
    kind: 'product_quality',
    source: 'hotline_12315',
    occurredAt: `${day}T08:00:00+08:00`,
    receivedAt: `${day}T10:00:00+08:00`,
    place: '某区某街道居民家中',
    casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
    directLossYuan: 20000,
    product: { name: '某牌压力锅', producer: '某厨具有限公司', batch: '2026-05' },
    reporter: { name: '李四' },
    summary: '压力锅使用中锅盖飞出，一人重伤。',
    section: 'quality',
    ...extra,
  };
}
