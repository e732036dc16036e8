import { recallProcess } from '@qts/domain';
import { givenRecall, officer, published, recallStateFrom } from '../../support/recall-given-when-then';

describe('风险评估 of a recall (本局规定, after GB/T 22760)', () => {
  it('records the level with its basis and the bureau setting it rests on, and may be assessed again', () => {
    const assessed = givenRecall(published())
      .when({ type: 'AssessRecallRisk', assessedOn: '2026-03-10', level: 'high', basis: '刹车失灵可致人身伤害' }, '2026-03-10', officer)
      .thenEvents();
    expect(assessed).toEqual([
      {
        type: 'RecallRiskAssessed',
        payload: {
          assessedOn: '2026-03-10',
          level: 'high',
          basis: '刹车失灵可致人身伤害',
          legalSource: expect.stringContaining('本局规定') as string,
        },
      },
    ]);
    expect(recallStateFrom([...published(), ...assessed]).risk).toEqual({
      level: 'high',
      assessedOn: '2026-03-10',
      basis: '刹车失灵可致人身伤害',
    });
    const lowered = givenRecall([...published(), ...assessed])
      .when({ type: 'AssessRecallRisk', assessedOn: '2026-04-01', level: 'medium', basis: '已加装限速' }, '2026-04-01', officer)
      .thenEvents();
    expect(recallStateFrom([...published(), ...assessed, ...lowered]).risk?.level).toBe('medium');
  });

  it('the same level on the same basis again changes nothing; a day in the future is refused', () => {
    const assessed = givenRecall(published())
      .when({ type: 'AssessRecallRisk', assessedOn: '2026-03-10', level: 'low', basis: '外观瑕疵' }, '2026-03-10', officer)
      .thenEvents();
    givenRecall([...published(), ...assessed])
      .when({ type: 'AssessRecallRisk', assessedOn: '2026-03-11', level: 'low', basis: '外观瑕疵' }, '2026-03-11', officer)
      .thenRefused('RISK_UNCHANGED');
    givenRecall(published())
      .when({ type: 'AssessRecallRisk', assessedOn: '2026-03-20', level: 'low', basis: '外观瑕疵' }, '2026-03-10', officer)
      .thenRefused('ACT_DATE_IN_FUTURE');
  });

  it('is a command of the recall process with its labels and who may send it', () => {
    expect(recallProcess.commands.labels.AssessRecallRisk.zh).toBe('风险评估');
    expect(recallProcess.commands.policy.AssessRecallRisk.basis).toContain('本局规定');
  });
});
