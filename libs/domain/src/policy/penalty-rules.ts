import type { Fen } from '../shared/money';
import { yuan } from '../shared/money';
import type { PolicyEntry } from './effective-dated';
import { days, months, workingDays, type Period } from './period';

const PENALTY_LAW_1996 = '《中华人民共和国行政处罚法》（1996年）';
const PENALTY_LAW_2021 = '《中华人民共和国行政处罚法》（2021年修订，2021-07-15施行）';
const PROCEDURE_RULES = '《市场监督管理行政处罚程序规定》';
const COMPULSION_LAW = '《中华人民共和国行政强制法》';
const INTERNAL = '本局案件期限督办规定（内部管理规定，由局务会确定）';
/** how the civil-procedure counting rule reaches administrative periods, and what the penalty law itself adds */
const COUNTING_VIA =
  '（期间开始的时和日不计算在期间内；期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期），经《中华人民共和国行政诉讼法》第一百零一条和《中华人民共和国行政复议法》适用；《中华人民共和国行政处罚法》第八十五条、《中华人民共和国行政强制法》第六十九条只规定二日、三日、五日、七日（十日以内）指工作日';
/** where the law is silent on how the late fee is computed: the bureau's own rule, marked as such */
const BUREAU_LATE_FEE = '本局规定（加处罚款计算规则，法律未作规定，由局务会确定）';

export interface PartyThresholds {
  citizen: Fen;
  organisation: Fen;
}

/**
 * The administrative-penalty procedure rules, each value effective-dated with its legal source. Each rule is resolved
 * by the date it concerns (the act it times), not the case's rule set as a whole.
 * Counting: 行政处罚法 第八十五条 and 行政强制法 第六十九条 make the 2/3/5/7-day and ten-days-or-less periods working
 * days; the day of the act is not counted and a last day on a rest day moves to the next working day by
 * 民事诉讼法 第八十五条, applied through 行政诉讼法 第一百零一条 and 行政复议法 (see `periodCounting`).
 */
export const penaltyPolicy = {
  summaryFineMax: {
    descriptionZh: '简易程序（当场处罚）罚款上限',
    descriptionEn: 'summary procedure: highest fine decided on the spot',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: { citizen: yuan(50), organisation: yuan(1000) },
        source: '《中华人民共和国行政处罚法》（1996年）第三十三条：对公民处以五十元以下、对法人或者其他组织处以一千元以下罚款或者警告',
      },
      {
        effectiveFrom: '2021-07-15',
        value: { citizen: yuan(200), organisation: yuan(3000) },
        source: `${PENALTY_LAW_2021} 第五十一条：对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告`,
      },
    ],
  } satisfies PolicyEntry<PartyThresholds>,
  filingDecision: {
    descriptionZh: '发现线索后决定是否立案',
    descriptionEn: 'decide whether to file a case after a lead is found',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(15),
        source: `${PROCEDURE_RULES} 第十八条：自发现线索或者收到材料之日起十五个工作日内核查并决定是否立案`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  filingExtension: {
    descriptionZh: '立案期限经负责人批准可延长',
    descriptionEn: 'extension of the filing period approved by the bureau head',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(15),
        source: `${PROCEDURE_RULES} 第十八条：特殊情况下，经市场监督管理部门负责人批准，可以延长十五个工作日`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  decisionLimit: {
    descriptionZh: '立案后作出处理决定',
    descriptionEn: 'decision after filing',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: days(90),
        source: `${PENALTY_LAW_2021} 第六十条；${PROCEDURE_RULES} 第六十四条第一款：自立案之日起九十日内作出处理决定（听证、检测、检验、检疫、鉴定、公告等时间不计入）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  decisionExtensionMax: {
    descriptionZh: '处理期限经负责人批准可延长的上限',
    descriptionEn: 'longest extension of the decision period approved by the bureau head',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: days(30),
        source: `${PROCEDURE_RULES} 第六十四条第一款：经市场监督管理部门负责人批准，可以延长三十日；案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，由负责人集体讨论决定是否继续延期`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  legalReview: {
    descriptionZh: '法制审核',
    descriptionEn: 'legal review',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(10),
        source: `${PENALTY_LAW_2021} 第五十八条第一款（作出决定前应当进行法制审核）；${PROCEDURE_RULES}（法制审核一节，条文序号待法制机构核对）：法制审核机构自接到审核材料之日起十个工作日内完成审核`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  defenceWindow: {
    descriptionZh: '陈述、申辩期限（自告知书送达之日起）',
    descriptionEn: 'time to state a defence after the notice of proposed penalty',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(5),
        source: `${PENALTY_LAW_2021} 第四十四条（告知陈述、申辩权利）、第四十五条第一款（当事人有权进行陈述和申辩）；${PROCEDURE_RULES}（告知一节，条文序号待法制机构核对）：当事人自告知书送达之日起五个工作日内提出陈述、申辩`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  hearingRequestWindow: {
    descriptionZh: '要求听证期限（告知后）',
    descriptionEn: 'time to request a hearing after the notice',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: days(3),
        source: `${PENALTY_LAW_1996} 第四十二条第一款第（一）项：当事人要求听证的，应当在行政机关告知后三日内提出`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(5),
        source: `${PENALTY_LAW_2021} 第六十四条第（一）项：当事人要求听证的，应当在行政机关告知后五日内提出（第八十五条：五日指工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  hearingNoticeLead: {
    descriptionZh: '听证通知提前期',
    descriptionEn: 'notice of the hearing before it is held',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: days(7),
        source: `${PENALTY_LAW_1996} 第四十二条第一款第（二）项：行政机关应当在听证的七日前，通知当事人举行听证的时间、地点`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(7),
        source: `${PENALTY_LAW_2021} 第六十四条第（二）项：行政机关应当在举行听证的七日前，通知当事人（第八十五条：七日指工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  hearingFineThreshold: {
    descriptionZh: '较大数额罚款（告知听证权利）',
    descriptionEn: 'fine large enough to give a right to a hearing',
    versions: [
      {
        effectiveFrom: '2021-07-15',
        value: { citizen: yuan(10_000), organisation: yuan(100_000) },
        source: `${PENALTY_LAW_2021} 第六十三条；《市场监督管理行政处罚听证办法》第五条：对自然人处一万元以上、对法人或者其他组织处十万元以上罚款`,
      },
    ],
  } satisfies PolicyEntry<PartyThresholds>,
  serviceOfDecision: {
    descriptionZh: '处罚决定书送达',
    descriptionEn: 'service of the decision',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: days(7),
        source: `${PENALTY_LAW_1996} 第四十条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: workingDays(7),
        source: `${PENALTY_LAW_2021} 第六十一条：当事人不在场的，行政机关应当在七日内依照《民事诉讼法》的有关规定送达（第八十五条：七日指工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  payment: {
    descriptionZh: '缴纳罚款期限（自收到决定书之日起）',
    descriptionEn: 'time to pay the fine after service',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: days(15),
        source: `${PENALTY_LAW_1996} 第四十六条第三款：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行缴纳罚款`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: days(15),
        source: `${PENALTY_LAW_2021} 第六十七条第三款：当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  lateFeeDailyBasisPoints: {
    descriptionZh: '加处罚款（每日按罚款数额百分之三，不得超出罚款数额）',
    descriptionEn: 'late fee per day, in basis points of the fine, capped at the fine',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: 300,
        source: `${PENALTY_LAW_1996} 第五十一条第（一）项：到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款；${COMPULSION_LAW} 第四十五条：加处罚款的数额不得超出罚款的数额`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: 300,
        source: `${PENALTY_LAW_2021} 第七十二条第一款第（一）项；${COMPULSION_LAW} 第四十五条：加处罚款的数额不得超出罚款的数额`,
      },
    ],
  } satisfies PolicyEntry<number>,
  lateFeeDays: {
    descriptionZh: '加处罚款的计算天数：到期次日起至缴纳之日止，缴纳当日计入',
    descriptionEn: 'late-fee days: from the day after the due date up to and including the day of payment',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: { paymentDayCounts: true },
        source: `${BUREAU_LATE_FEE}：行政处罚法未规定缴纳当日是否计算，参照最接近的明文规定《中华人民共和国税收征收管理法实施细则》第七十五条（滞纳金自期限届满之次日起至实际缴纳之日止计算），缴纳当日计入；按某日报出的应缴数额于当日缴纳即足额结清`,
      },
    ],
  } satisfies PolicyEntry<{ paymentDayCounts: boolean }>,
  lateFeeBase: {
    descriptionZh: '部分缴纳后加处罚款的计算基数与上限',
    descriptionEn: 'late fee after a part payment: the daily base and the cap',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: { dailyBase: 'unpaid_fine', cap: 'whole_fine' },
        source: `计算基数：${BUREAU_LATE_FEE}：部分缴纳后，每日按尚未缴纳的罚款计算（法律按"罚款数额"计算，未规定部分缴纳的情形，本局按有利于当事人的方式计算）；上限：${COMPULSION_LAW} 第四十五条第二款、${PENALTY_LAW_2021} 第七十二条第一款第（一）项：加处罚款的数额不得超出罚款的数额（按决定的罚款全额）`,
      },
    ],
  } satisfies PolicyEntry<{ dailyBase: 'unpaid_fine'; cap: 'whole_fine' }>,
  lateFeeRounding: {
    descriptionZh: '加处罚款的取整：每日数额向下取整到分',
    descriptionEn: 'late-fee rounding: each day rounded down to the fen',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: 'floor_fen_each_day',
        source: `${BUREAU_LATE_FEE}：每日加处罚款按分计算，不足一分的部分舍去（向下取整，不利于当事人的误差不计）`,
      },
    ],
  } satisfies PolicyEntry<'floor_fen_each_day'>,
  limitationPeriod: {
    descriptionZh: '追究时效（违法行为在期限内未被发现的，不再给予行政处罚）',
    descriptionEn: 'limitation period: no penalty for a violation not discovered within it',
    versions: [
      {
        effectiveFrom: '1996-10-01',
        value: { general: months(24), serious: months(24) },
        source: `${PENALTY_LAW_1996} 第二十九条：违法行为在二年内未被发现的，不再给予行政处罚；期限从违法行为发生之日起计算，违法行为有连续或者继续状态的，从行为终了之日起计算`,
      },
      {
        effectiveFrom: '2021-07-15',
        value: { general: months(24), serious: months(60) },
        source: `${PENALTY_LAW_2021} 第三十六条：违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年；期限从违法行为发生之日起计算，违法行为有连续或者继续状态的，从行为终了之日起计算`,
      },
    ],
  } satisfies PolicyEntry<{ general: Period; serious: Period }>,
  periodCounting: {
    descriptionZh: '期间计算：开始之日不计入，期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期',
    descriptionEn: 'counting: the day of the act is not counted; a last day on a rest day moves to the next working day',
    versions: [
      {
        effectiveFrom: '2015-05-01',
        value: { actDayCounted: false, restDayMovesToNextWorkingDay: true },
        source: `《中华人民共和国民事诉讼法》（2012年修正）第八十二条${COUNTING_VIA}`,
      },
      {
        effectiveFrom: '2022-01-01',
        value: { actDayCounted: false, restDayMovesToNextWorkingDay: true },
        source: `《中华人民共和国民事诉讼法》（2021年修正）第八十五条${COUNTING_VIA}`,
      },
    ],
  } satisfies PolicyEntry<{ actDayCounted: boolean; restDayMovesToNextWorkingDay: boolean }>,
  reconsiderationPeriod: {
    descriptionZh: '申请行政复议期限',
    descriptionEn: 'period to apply for administrative reconsideration',
    versions: [
      {
        effectiveFrom: '1999-10-01',
        value: days(60),
        source: '《中华人民共和国行政复议法》（1999年）第九条：自知道该具体行政行为之日起六十日内',
      },
      {
        effectiveFrom: '2024-01-01',
        value: days(60),
        source: '《中华人民共和国行政复议法》（2023年修订）第二十条：自知道或者应当知道该行政行为之日起六十日内',
      },
    ],
  } satisfies PolicyEntry<Period>,
  litigationPeriod: {
    descriptionZh: '提起行政诉讼期限',
    descriptionEn: 'period to sue in an administrative court',
    versions: [
      {
        effectiveFrom: '1990-10-01',
        value: months(3),
        source: '《中华人民共和国行政诉讼法》（1989年）第三十九条：自知道作出具体行政行为之日起三个月内提出',
      },
      {
        effectiveFrom: '2015-05-01',
        value: months(6),
        source: '《中华人民共和国行政诉讼法》第四十六条：自知道或者应当知道作出行政行为之日起六个月内',
      },
    ],
  } satisfies PolicyEntry<Period>,
  demandNoticeWait: {
    descriptionZh: '催告书送达后等待期',
    descriptionEn: 'wait after the demand notice before applying to the court',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: workingDays(10),
        source: `${COMPULSION_LAW} 第五十四条：催告书送达十日后当事人仍未履行义务的，可以向人民法院申请强制执行（第六十九条：十日以内指工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  courtApplicationWindow: {
    descriptionZh: '申请人民法院强制执行期限（复议、诉讼期限届满之日起）',
    descriptionEn: 'window to apply to the court after the appeal periods lapse',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: months(3),
        source: `${COMPULSION_LAW} 第五十三条：自期限届满之日起三个月内，依照本章规定申请人民法院强制执行`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  courtAcceptance: {
    descriptionZh: '人民法院受理强制执行申请',
    descriptionEn: 'court decides whether to accept the application',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: workingDays(5),
        source: `${COMPULSION_LAW} 第五十六条：人民法院接到行政机关强制执行的申请，应当在五日内受理（第六十九条：工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  courtRuling: {
    descriptionZh: '人民法院作出执行裁定',
    descriptionEn: 'court ruling on the enforcement application',
    versions: [
      {
        effectiveFrom: '2012-01-01',
        value: workingDays(7),
        source: `${COMPULSION_LAW} 第五十七条：自受理之日起七日内作出执行裁定（第六十九条：工作日）`,
      },
    ],
  } satisfies PolicyEntry<Period>,
  noticeWarnBefore: {
    descriptionZh: '期限届满前提醒科长',
    descriptionEn: 'warn the section chief before a deadline',
    versions: [{ effectiveFrom: '2021-07-15', value: workingDays(2), source: INTERNAL }],
  } satisfies PolicyEntry<Period>,
  noticeBureauHeadAfter: {
    descriptionZh: '逾期后报告局长',
    descriptionEn: 'notify the bureau head after a deadline is missed by',
    versions: [{ effectiveFrom: '2021-07-15', value: workingDays(3), source: INTERNAL }],
  } satisfies PolicyEntry<Period>,
} as const;

export type PenaltyPolicyKey = keyof typeof penaltyPolicy;
export type PenaltyRuleValue<K extends PenaltyPolicyKey> = (typeof penaltyPolicy)[K]['versions'][number]['value'];
