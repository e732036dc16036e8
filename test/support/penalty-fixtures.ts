import { yuan, type PenaltyCaseCommand, type PenaltyEvent } from '@qts/domain';
import { certified, committee, filingTeam, head, run } from './penalty-given-when-then';

export const organisation = { kind: 'organisation' as const, name: '某电梯维保有限公司' };
export const citizen = { kind: 'citizen' as const, name: '张三' };

export function leadRegistered(): PenaltyEvent[] {
  return run([
    {
      command: {
        type: 'RegisterLead',
        section: 'special_equipment',
        title: '使用未经定期检验的电梯',
        party: organisation,
        discoveredOn: '2026-03-02',
        leadSource: 'inspection',
        summary: '日常监督检查发现电梯检验合格证过期',
      },
      on: '2026-03-02',
    },
  ]);
}

export function filedAndInvestigated(): PenaltyEvent[] {
  return run(
    [
      {
        command: {
          type: 'DecideFiling',
          decision: 'file',
          decidedOn: '2026-03-10',
          reason: '涉嫌违反特种设备安全法',
          ...filingTeam,
        },
        on: '2026-03-10',
        actor: head,
      },
      {
        command: {
          type: 'RecordEvidence',
          kind: 'site_inspection',
          collectedOn: '2026-03-12',
          officerIds: ['officer-li', 'officer-zhao'],
          description: '现场检查笔录',
          officers: certified('officer-li', 'officer-zhao'),
        },
        on: '2026-03-12',
      },
      { command: { type: 'ConcludeInvestigation', concludedOn: '2026-04-01', findings: '事实清楚' }, on: '2026-04-01' },
      { command: { type: 'RequestLegalReview', requestedOn: '2026-04-02' }, on: '2026-04-02' },
      { command: { type: 'CompleteLegalReview', completedOn: '2026-04-10', opinion: 'approved', comments: '同意' }, on: '2026-04-10' },
    ],
    leadRegistered(),
  );
}

export function noticeServed(proposedYuan = 50_000): PenaltyEvent[] {
  return run(
    [
      {
        command: { type: 'ServePenaltyNotice', servedOn: '2026-04-13', proposedFineFen: yuan(proposedYuan), proposedMeasures: [] },
        on: '2026-04-13',
      },
    ],
    filedAndInvestigated(),
  );
}

export const penaltyOf = (fineYuan: number): PenaltyCaseCommand => ({
  type: 'DecidePenalty',
  decidedOn: '2026-04-22',
  outcome: {
    kind: 'penalty',
    violationDate: '2026-02-15',
    provisionId: 'special-equipment-law-art84',
    fineFen: yuan(fineYuan),
    goodsValueFen: 0,
    discretion: 'lighter',
    measures: ['责令停止使用'],
  },
});

export function decided(fineYuan = 50_000): PenaltyEvent[] {
  return run(
    [
      {
        command: { type: 'RecordCommitteeDecision', decidedOn: '2026-04-21', outcome: 'penalty', minutes: '案审会一致同意' },
        on: '2026-04-21',
        actor: committee,
      },
      { command: penaltyOf(fineYuan), on: '2026-04-22', actor: head },
    ],
    noticeServed(),
  );
}

export function served(fineYuan = 50_000): PenaltyEvent[] {
  return run([{ command: { type: 'ServeDecision', servedOn: '2026-04-24', method: 'in_person' }, on: '2026-04-24' }], decided(fineYuan));
}
