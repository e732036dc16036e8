import type { IsoDate } from '../shared/iso-date';
import { isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';
import { months, workingDays, type Period } from './period';

/** What the recall rules distinguish: vehicles have their own regulation; consumer goods the SAMR rules. */
export const RECALL_PRODUCT_CATEGORIES = ['vehicle', 'consumer_goods'] as const;
export type RecallProductCategory = (typeof RECALL_PRODUCT_CATEGORIES)[number];

/**
 * 风险等级 of a recall, for ordering the bureau's work (which recall to chase first). The recall rules set no grades:
 * 本局规定, after the risk assessment of GB/T 22760《消费品安全风险评估通则》 (high / medium / low).
 */
export const RECALL_RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RecallRiskLevel = (typeof RECALL_RISK_LEVELS)[number];
export const RECALL_RISK_SOURCE = '本局规定（召回规定未分级；参照 GB/T 22760《消费品安全风险评估通则》分为高、中、低风险）';
export const RECALL_RISK_NAMES: Readonly<Record<RecallRiskLevel, string>> = { high: '高风险', medium: '中风险', low: '低风险' };

const VEHICLE_REGULATION = '《缺陷汽车产品召回管理条例》（国务院令第626号公布，2019年3月2日修订）';
const VEHICLE_MEASURES = '《缺陷汽车产品召回管理条例实施办法》（2016年施行）';
const CONSUMER_RULES = '《消费品召回管理暂行规定》（国家市场监督管理总局令第19号，2020-01-01施行）';
/** The bureau's own settings where the law sets no time: recorded as such (本局规定), never passed off as law. */
const BUREAU = '本局缺陷产品召回跟踪规定（本局规定，非法定期限）';
const BUREAU_FROM: IsoDate = '2024-01-01';

function bureau<T>(descriptionZh: string, descriptionEn: string, value: T, note: string): PolicyEntry<T> {
  return { descriptionZh, descriptionEn, versions: [{ effectiveFrom: BUREAU_FROM, value, source: `${BUREAU}：${note}` }] };
}

function law<T>(descriptionZh: string, descriptionEn: string, effectiveFrom: IsoDate, value: T, source: string): PolicyEntry<T> {
  return { descriptionZh, descriptionEn, versions: [{ effectiveFrom, value, source }] };
}

/** Who leads a recall of the category: the district bureau collects signals, checks locally and reports upward. */
export const recallLeadPolicy: Record<RecallProductCategory, PolicyEntry<'samr' | 'province'>> = {
  vehicle: law(
    '缺陷汽车产品召回的监督管理部门',
    'authority supervising vehicle recalls',
    '2013-01-01',
    'samr',
    `${VEHICLE_REGULATION} 第四条第一款：国务院产品质量监督部门负责全国缺陷汽车产品召回的监督管理工作`,
  ),
  consumer_goods: law(
    '缺陷消费品召回的监督管理部门',
    'authority supervising consumer-goods recalls',
    '2020-01-01',
    'province',
    `${CONSUMER_RULES} 第五条：国家市场监督管理总局负责指导协调、监督管理全国缺陷消费品召回工作；省级市场监督管理部门负责监督管理本行政区域内缺陷消费品召回工作`,
  ),
};

/** Per category: the periods the law (or, where it is silent, the bureau) sets. */
export const recallPeriodPolicy: Record<
  RecallProductCategory,
  {
    producerReport: PolicyEntry<Period>;
    objection: PolicyEntry<Period>;
    progressInterval: PolicyEntry<Period>;
    summaryAfterCompletion: PolicyEntry<Period>;
  }
> = {
  vehicle: {
    producerReport: bureau(
      '生产者报告缺陷线索（车辆）',
      'producer reports a defect signal (vehicles)',
      workingDays(2),
      '车辆生产者报告缺陷线索的期限条例未定日数（《缺陷汽车产品召回管理条例》第十二条：立即组织调查分析，并如实报告调查分析结果），本局按两个工作日登记是否迟报',
    ),
    objection: law(
      '生产者对缺陷调查结论提出异议（车辆）',
      'producer objects to the defect finding (vehicles)',
      '2013-01-01',
      workingDays(15),
      `${VEHICLE_REGULATION} 第十五条第二款：生产者认为其汽车产品不存在缺陷的，可以自收到通知之日起15个工作日内提出异议，并提供证明材料`,
    ),
    progressInterval: law(
      '召回阶段性报告间隔（车辆）',
      'interval of progress reports (vehicles)',
      '2016-01-01',
      months(3),
      `${VEHICLE_REGULATION} 第二十条：生产者应当按照国务院产品质量监督部门的规定提交召回阶段性报告和召回总结报告；${VEHICLE_MEASURES}：每3个月提交阶段性报告（条号未能核实）`,
    ),
    summaryAfterCompletion: law(
      '召回完成后提交总结报告（车辆）',
      'summary report after the recall is completed (vehicles)',
      '2016-01-01',
      workingDays(15),
      `${VEHICLE_REGULATION} 第二十条：生产者应当按照国务院产品质量监督部门的规定提交召回阶段性报告和召回总结报告；${VEHICLE_MEASURES}：召回完成后15个工作日内提交总结报告（条号未能核实）`,
    ),
  },
  consumer_goods: {
    producerReport: law(
      '生产者报告死亡、严重人身伤害或境外召回（消费品）',
      'producer reports death, serious injury or a recall abroad (consumer goods)',
      '2020-01-01',
      workingDays(2),
      `${CONSUMER_RULES}：生产者获知消费品造成或者可能造成死亡、严重人身伤害、重大财产损失，或者在境外实施召回的，自获知之日起2个工作日内报告（条号未能核实；《广东省消费品召回管理办法》（粤府令第308号）同为自发现之日起2个工作日内）`,
    ),
    objection: bureau(
      '生产者对缺陷调查结论提出异议（消费品）',
      'producer objects to the defect finding (consumer goods)',
      workingDays(15),
      '消费品异议期由组织调查的省级部门确定；本局跟踪时参照《缺陷汽车产品召回管理条例》第十五条按15个工作日',
    ),
    progressInterval: law(
      '召回阶段性报告间隔（消费品）',
      'interval of progress reports (consumer goods)',
      '2020-01-01',
      months(3),
      `${CONSUMER_RULES}：生产者应当定期提交召回阶段性总结，每3个月一次（条号未能核实）`,
    ),
    summaryAfterCompletion: law(
      '召回完成后提交总结报告（消费品）',
      'summary report after the recall is completed (consumer goods)',
      '2020-01-01',
      workingDays(15),
      `${CONSUMER_RULES}：召回完成后15个工作日内提交召回总结（条号未能核实）`,
    ),
  },
};

/** The bureau's own periods and thresholds for following a recall (no law sets them). */
export const recallBureauPolicy = {
  investigation: bureau(
    '缺陷调查或上报',
    'defect investigation or report upward',
    workingDays(20),
    '登记缺陷线索后二十个工作日内完成调查或报上级主管部门',
  ),
  upwardAnswer: bureau('上级主管部门答复', 'the leading authority answers', workingDays(30), '上报后三十个工作日未获答复的，催办'),
  planAfterOrder: bureau(
    '责令召回后备案召回计划',
    'recall plan filed after an order',
    workingDays(5),
    '责令召回后五个工作日内未备案召回计划的，催报（条例第十六条要求备案召回计划，未定日数）',
  ),
  publication: bureau(
    '召回计划备案后发布召回信息',
    'recall published after the plan is filed',
    workingDays(5),
    '召回计划备案后五个工作日内发布召回信息',
  ),
  assessment: bureau('召回效果评估', 'effectiveness assessment', workingDays(20), '收到总结报告后二十个工作日内完成效果评估'),
  /** completion rate (per mille) below which a recall is watched for stalling */
  completionThresholdPermille: bureau(
    '召回完成率目标',
    'completion-rate target',
    800,
    '完成率（已消除缺陷数/涉及数量）达80%方可认定召回有效，未达者须说明已尽合理努力（参照美国21 CFR 7.42召回有效性检查）',
  ),
  /** a reporting interval gaining less than this (per mille) below the threshold is a stall */
  minimumGainPermille: bureau(
    '每个报告期完成率最低增幅',
    'minimum completion-rate gain per reporting interval',
    50,
    '完成率低于目标且一个报告期内增幅不足5个百分点的，视为停滞，通知科长',
  ),
  reminderEvery: bureau('逾期催报间隔', 'interval between reminders', workingDays(5), '生产者逾期未报的，每五个工作日催报一次'),
  bureauHeadAfter: bureau('逾期报告局长', 'tell the bureau head after', workingDays(10), '逾期十个工作日仍未报送的，报告局长'),
} as const;

/** The effectiveness-check levels of 21 CFR 7.42(b)(3), adopted by the bureau as its own scale (本局规定). */
export const EFFECTIVENESS_CHECK_LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export type EffectivenessCheckLevel = (typeof EFFECTIVENESS_CHECK_LEVELS)[number];

export const EFFECTIVENESS_CHECK_SOURCE = `${BUREAU}：效果核查等级参照美国21 CFR 7.42(b)(3)：A级核查全部收货方，B级介于A与C之间，C级10%，D级2%，E级不核查`;

/** The rule set a recall runs under, resolved when its signal is registered and recorded on it. */
export interface RecallRuleSet {
  resolvedOn: IsoDate;
  category: RecallProductCategory;
  lead: Versioned<'samr' | 'province'>;
  producerReport: Versioned<Period>;
  objection: Versioned<Period>;
  progressInterval: Versioned<Period>;
  summaryAfterCompletion: Versioned<Period>;
  investigation: Versioned<Period>;
  upwardAnswer: Versioned<Period>;
  planAfterOrder: Versioned<Period>;
  publication: Versioned<Period>;
  assessment: Versioned<Period>;
  completionThresholdPermille: Versioned<number>;
  minimumGainPermille: Versioned<number>;
  reminderEvery: Versioned<Period>;
  bureauHeadAfter: Versioned<Period>;
}

export function resolveRecallRules(category: RecallProductCategory, date: IsoDate): RecallRuleSet | DomainError {
  const periods = recallPeriodPolicy[category];
  const entries = {
    lead: recallLeadPolicy[category],
    producerReport: periods.producerReport,
    objection: periods.objection,
    progressInterval: periods.progressInterval,
    summaryAfterCompletion: periods.summaryAfterCompletion,
    ...recallBureauPolicy,
  } as const;
  const out: Record<string, unknown> = { resolvedOn: date, category };
  for (const [key, entry] of Object.entries(entries)) {
    const v = inForceOn(`recall.${category}.${key}`, entry as PolicyEntry<unknown>, date);
    if (isDomainError(v)) return v;
    out[key] = v;
  }
  return out as unknown as RecallRuleSet;
}
