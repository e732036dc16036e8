import type { IsoDate } from '../shared/iso-date';
import { isDomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry } from './effective-dated';

/**
 * How long a case is expected to stay in a stage before a manager sees it as stalled (issue 14), and whether it
 * then waits on the bureau or on an outside party (the party, a producer, a court, a superior authority). Counted
 * in calendar days from the time the case entered the stage. Where the law sets the time it is cited; where it is
 * silent the row is the bureau's own setting, marked 本局规定, to be reviewed by the bureau.
 */
export interface StageExpectation {
  readonly days: number;
  /** who the case waits on in this stage */
  readonly waitsOn: 'bureau' | 'outside';
  /** the outside party named, for the reason shown (当事人, 生产者, 人民法院…) */
  readonly partyZh?: string;
}

const BUREAU = '本局规定（法律未规定，局务会确定的督办时限，可调整）';
const FROM: IsoDate = '2024-01-01';

function row(descriptionZh: string, value: StageExpectation, source: string = BUREAU): PolicyEntry<StageExpectation> {
  return { descriptionZh, descriptionEn: `expected time in stage: ${descriptionZh}`, versions: [{ effectiveFrom: FROM, value, source }] };
}
const bureau = (days: number) => ({ days, waitsOn: 'bureau' as const });
const outside = (days: number, partyZh: string) => ({ days, waitsOn: 'outside' as const, partyZh });

/**
 * Per case type, per stage (a key `submitted` also covers `submitted:…`, the escalation's stage of each level).
 * A stage not listed (none, closed) never stalls by time held.
 */
export const STAGE_EXPECTATIONS: Readonly<Record<string, Readonly<Record<string, PolicyEntry<StageExpectation>>>>> = {
  penalty: {
    lead: row('线索核查', bureau(20)),
    investigation: row('立案调查', bureau(60)),
    legal_review: row('法制审核', bureau(15)),
    review_approved: row('审核通过待告知', bureau(10)),
    notified: row('告知后陈述申辩、听证', bureau(20)),
    committee_decided: row('案审会审议后待决定', bureau(10)),
    decided: row(
      '决定书送达',
      bureau(7),
      '《行政处罚法》第六十一条第一款：当事人不在场的，行政机关应当在七日内依照《民事诉讼法》的有关规定送达',
    ),
    payment: row(
      '当事人缴纳罚款',
      outside(30, '当事人'),
      `${BUREAU}；《行政处罚法》第六十七条第三款：当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款`,
    ),
    enforcement: row('催告与申请强制执行', bureau(90)),
    court: row('人民法院强制执行', outside(180, '人民法院')),
    transferred: row(
      '公安机关审查移送案件',
      outside(30, '公安机关'),
      `${BUREAU}；《行政执法机关移送涉嫌犯罪案件的规定》第八条：公安机关应当自接受移送之日起三日内审查，决定是否立案`,
    ),
  },
  escalation: {
    pending: row('上报文书待签发', bureau(5)),
    submitted: row('上级或相关部门签收', outside(15, '收文机关')),
    acknowledged: row('上级或相关部门答复', outside(60, '收文机关')),
    withdrawn: row('撤回后重新上报', bureau(15)),
  },
  recall: {
    signal_received: row('缺陷线索待调查', bureau(10)),
    investigating: row('缺陷调查', bureau(60)),
    reported_upward: row('上级调查结论', outside(60, '上级市场监管部门')),
    producer_notified: row('生产者答复（召回或异议）', outside(20, '生产者')),
    objection: row('异议论证', bureau(30)),
    defect_confirmed: row('确认缺陷后待召回', outside(15, '生产者')),
    recall_ordered: row('责令召回后生产者备案召回计划', outside(15, '生产者')),
    refused: row('拒不召回的处理', bureau(30)),
    plan_filed: row('召回计划备案后发布', outside(10, '生产者')),
    in_progress: row('召回实施（阶段性报告）', outside(120, '生产者')),
    summary_submitted: row('召回效果评估', bureau(30)),
  },
  directive: {
    awaiting_directive: row('检查后下达书面指令', bureau(5)),
    awaiting_written_directive: row(
      '紧急处置后补发书面指令',
      bureau(3),
      '《特种设备安全法》第六十二条：应当随后补发特种设备安全监察指令；本局规定三日',
    ),
    rectifying: row('使用单位整改', outside(60, '使用单位')),
    awaiting_reinspection: row('整改报告后复查', bureau(15)),
    not_rectified: row('复查不合格的处理', bureau(15)),
    refused: row('拒不执行指令待立案查处', bureau(15)),
    rectified: row('复查合格后解除查封扣押', bureau(10)),
  },
  accident: {
    awaiting_triage: row('接报后界定', bureau(1)),
    reporting_upward: row('逐级上报', bureau(1)),
    team_member: row('参与上级组织的调查', outside(90, '牵头调查机关')),
    investigating: row('事故调查', bureau(60)),
    appraisal: row('技术鉴定', outside(60, '鉴定机构')),
    collective_review: row('调查报告集体审议', bureau(10)),
    awaiting_approval: row('调查报告批复', outside(30, '批复机关')),
    outcomes: row('处理结果落实', bureau(90)),
  },
};

export interface StageLimit {
  readonly caseType: string;
  readonly stage: string;
  readonly expectation: StageExpectation;
  readonly source: string;
  readonly descriptionZh: string;
}

/** The rows in force on `date`, expanded to the concrete stages of each process (`stagesOf` its stage list). */
export function stageLimitsOn(date: IsoDate, stagesOf: (caseType: string) => readonly string[]): StageLimit[] {
  return Object.entries(STAGE_EXPECTATIONS).flatMap(([caseType, rows]): StageLimit[] =>
    stagesOf(caseType).flatMap((stage) => {
      const key = Object.hasOwn(rows, stage) ? stage : stage.split(':')[0];
      const entry = key === undefined ? undefined : rows[key];
      if (!entry) return [];
      const v = inForceOn<StageExpectation>(`${caseType}.${stage}`, entry, date);
      if (isDomainError(v)) return [];
      return [{ caseType, stage, expectation: v.value, source: v.source, descriptionZh: entry.descriptionZh }];
    }),
  );
}
