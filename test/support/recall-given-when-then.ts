import { givenWhenThen } from './decider-given-when-then';
import {
  decideRecall,
  evolveRecall,
  initialRecallState,
  type Actor,
  type RecallCommand,
  type RecallEvent,
  type RecallOpeningCommand,
  type RecallState,
} from '@qts/domain';
import { calendar, head, noonOn, officer, system } from './penalty-given-when-then';

export { calendar, head, noonOn, officer, system };
export const chief: Actor = { id: 'chief-zhao', role: 'section_chief', name: '赵科长' };

const recall = givenWhenThen<RecallState, RecallCommand, RecallEvent>({
  decide: decideRecall,
  evolve: evolveRecall,
  initial: initialRecallState,
  actor: officer,
});

export const recallStateFrom = recall.stateFrom;
export const givenRecall = recall.given;
export const runRecall = recall.run;

export function signal(receivedOn: string, extra: Partial<RecallOpeningCommand> = {}): RecallOpeningCommand {
  return {
    type: 'RegisterDefectSignal',
    section: 'enforcement',
    product: { category: 'consumer_goods', name: '儿童电动滑板车', model: 'KS-3', batch: '2026-01批' },
    producer: { name: '某童车有限公司', creditCode: '91110000MA00000001' },
    source: 'sampling_failure',
    receivedOn,
    description: '监督抽查发现刹车失效，存在伤害儿童的不合理危险。',
    ...extra,
  };
}

/** Registered 2026-03-02, investigated by the district, producer notified 2026-03-04. */
export function notified(extra: Partial<RecallOpeningCommand> = {}): RecallEvent[] {
  return runRecall([
    { command: signal('2026-03-02', extra), on: '2026-03-02' },
    { command: { type: 'StartDefectInvestigation', startedOn: '2026-03-03', mode: 'district', note: '协助省局调查' }, on: '2026-03-03' },
    {
      command: { type: 'NotifyProducer', notifiedOn: '2026-03-04', findings: '刹车设计缺陷', notifiedBy: '省市场监管局' },
      on: '2026-03-04',
    },
  ]);
}

/** …then a voluntary plan for 1000 units, filed 2026-03-06 and published 2026-03-09 with check level C. */
export function published(): RecallEvent[] {
  return runRecall(
    [
      {
        command: {
          type: 'FileRecallPlan',
          filedOn: '2026-03-06',
          unitsAffected: 1000,
          remedy: 'repair',
          plannedCompletionOn: '2026-09-30',
          measures: '免费更换刹车组件',
        },
        on: '2026-03-06',
      },
      { command: { type: 'PublishRecall', publishedOn: '2026-03-09', checkLevel: 'C', channel: '省局网站' }, on: '2026-03-09' },
    ],
    notified(),
  );
}
