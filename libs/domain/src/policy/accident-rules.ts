import type { IsoDate } from '../shared/iso-date';
import { isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';
import { days, workingDays, type Period } from './period';

/** 事故等级, from the gravest. */
export const ACCIDENT_GRADES = ['extraordinary', 'major', 'larger', 'general'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const ACCIDENT_GRADE_NAMES: Record<AccidentGrade, string> = {
  extraordinary: '特别重大事故',
  major: '重大事故',
  larger: '较大事故',
  general: '一般事故',
};

/** Equipment events that grade a special-equipment accident by themselves (人员滞留, 倾覆, 爆炸…). */
export const EQUIPMENT_EVENT_KINDS = [
  'lift_car_trapped',
  'ropeway_stranded',
  'amusement_ride_stranded',
  'crane_overturned',
  'crane_structure_failure',
  'boiler_vessel_pipeline_explosion',
] as const;
export type EquipmentEventKind = (typeof EQUIPMENT_EVENT_KINDS)[number];

/** One way a grade is reached: casualty/loss floors, or an equipment event with its own floors (hours, people). */
export interface GradeThreshold {
  deathsAtLeast?: number;
  seriousInjuriesAtLeast?: number;
  directLossYuanAtLeast?: number;
  evacuatedAtLeast?: number;
  event?: { kind: EquipmentEventKind; hoursAtLeast?: number; peopleAtLeast?: number };
}

export interface GradeRule {
  grade: AccidentGrade;
  /** any of these reaches the grade */
  anyOf: readonly GradeThreshold[];
  source: string;
}

const REGULATION = '《特种设备安全监察条例》（2009年修订）';
const GENERAL_RULES = '《生产安全事故报告和调查处理条例》（国务院令第493号）';
const SE_LAW = '《中华人民共和国特种设备安全法》';
const ORDER_50 = '《特种设备事故报告和调查处理规定》（国家市场监督管理总局令第50号）';
const BUREAU = '本局规定（法律未作规定，内部规定）';

/** 特种设备事故分级 (条例 第六十一条至第六十四条), gravest first: the first rule reached is the grade. */
const SPECIAL_EQUIPMENT_GRADES: readonly GradeRule[] = [
  {
    grade: 'extraordinary',
    source: `${REGULATION} 第六十一条`,
    anyOf: [
      { deathsAtLeast: 30 },
      { seriousInjuriesAtLeast: 100 },
      { directLossYuanAtLeast: 100_000_000 },
      { evacuatedAtLeast: 150_000 },
      { event: { kind: 'ropeway_stranded', hoursAtLeast: 48, peopleAtLeast: 100 } },
      { event: { kind: 'amusement_ride_stranded', hoursAtLeast: 48, peopleAtLeast: 100 } },
    ],
  },
  {
    grade: 'major',
    source: `${REGULATION} 第六十二条`,
    anyOf: [
      { deathsAtLeast: 10 },
      { seriousInjuriesAtLeast: 50 },
      { directLossYuanAtLeast: 50_000_000 },
      { evacuatedAtLeast: 50_000 },
      { event: { kind: 'ropeway_stranded', hoursAtLeast: 24, peopleAtLeast: 100 } },
      { event: { kind: 'amusement_ride_stranded', hoursAtLeast: 24, peopleAtLeast: 100 } },
    ],
  },
  {
    grade: 'larger',
    source: `${REGULATION} 第六十三条`,
    anyOf: [
      { deathsAtLeast: 3 },
      { seriousInjuriesAtLeast: 10 },
      { directLossYuanAtLeast: 10_000_000 },
      { evacuatedAtLeast: 10_000 },
      { event: { kind: 'boiler_vessel_pipeline_explosion' } },
      { event: { kind: 'crane_overturned' } },
      { event: { kind: 'ropeway_stranded', hoursAtLeast: 12 } },
      { event: { kind: 'amusement_ride_stranded', hoursAtLeast: 12 } },
    ],
  },
  {
    grade: 'general',
    source: `${REGULATION} 第六十四条`,
    anyOf: [
      { deathsAtLeast: 1 },
      { seriousInjuriesAtLeast: 1 },
      { directLossYuanAtLeast: 10_000 },
      { evacuatedAtLeast: 500 },
      { event: { kind: 'lift_car_trapped', hoursAtLeast: 2 } },
      { event: { kind: 'crane_structure_failure' } },
      { event: { kind: 'ropeway_stranded', hoursAtLeast: 3.5 } },
      { event: { kind: 'amusement_ride_stranded', hoursAtLeast: 1 } },
    ],
  },
];

/**
 * Product-quality and food-related-product accidents have no grades of their own in law: the bureau grades them by the
 * general production-accident grades (生产安全事故报告和调查处理条例 第三条), said so in the source.
 */
const GENERAL_GRADES: readonly GradeRule[] = [
  {
    grade: 'extraordinary',
    source: `${BUREAU}：参照${GENERAL_RULES} 第三条第一款第（一）项`,
    anyOf: [{ deathsAtLeast: 30 }, { seriousInjuriesAtLeast: 100 }, { directLossYuanAtLeast: 100_000_000 }],
  },
  {
    grade: 'major',
    source: `${BUREAU}：参照${GENERAL_RULES} 第三条第一款第（二）项`,
    anyOf: [{ deathsAtLeast: 10 }, { seriousInjuriesAtLeast: 50 }, { directLossYuanAtLeast: 50_000_000 }],
  },
  {
    grade: 'larger',
    source: `${BUREAU}：参照${GENERAL_RULES} 第三条第一款第（三）项`,
    anyOf: [{ deathsAtLeast: 3 }, { seriousInjuriesAtLeast: 10 }, { directLossYuanAtLeast: 10_000_000 }],
  },
  {
    grade: 'general',
    source: `${BUREAU}：参照${GENERAL_RULES} 第三条第一款第（四）项（造成3人以下死亡，或者10人以下重伤，或者1000万元以下直接经济损失）；有人员转移的亦登记为一般事故，为本局规定`,
    anyOf: [{ deathsAtLeast: 1 }, { seriousInjuriesAtLeast: 1 }, { directLossYuanAtLeast: 1 }, { evacuatedAtLeast: 1 }],
  },
];

export const ACCIDENT_KINDS = ['special_equipment', 'product_quality', 'food_related_product'] as const;
export type AccidentKind = (typeof ACCIDENT_KINDS)[number];

/** Who organises the investigation. */
export const LEAD_BODIES = ['district_bureau', 'city_department', 'province_department', 'samr', 'state_council'] as const;
export type LeadBody = (typeof LEAD_BODIES)[number];

export const LEAD_BODY_NAMES: Record<LeadBody, string> = {
  district_bureau: '本局（区质量技术监督局）',
  city_department: '设区的市特种设备安全监督管理部门（市局）',
  province_department: '省级特种设备安全监督管理部门',
  samr: '国务院特种设备安全监督管理部门（国家市场监督管理总局）',
  state_council: '国务院或者国务院授权的部门',
};

export interface AuthorityRule {
  lead: LeadBody;
  source: string;
}

/** 特种设备安全法 第七十二条 (one paragraph a grade): the district never leads a special-equipment investigation. */
const SPECIAL_EQUIPMENT_AUTHORITY: Record<AccidentGrade, AuthorityRule> = {
  extraordinary: { lead: 'state_council', source: `${SE_LAW} 第七十二条第一款` },
  major: { lead: 'samr', source: `${SE_LAW} 第七十二条第二款` },
  larger: { lead: 'province_department', source: `${SE_LAW} 第七十二条第三款` },
  general: { lead: 'city_department', source: `${SE_LAW} 第七十二条第四款` },
};

/** Product and food accidents: the district leads those within its authority (一般), and reports the rest to the city. */
const PRODUCT_AUTHORITY: Record<AccidentGrade, AuthorityRule> = {
  extraordinary: { lead: 'city_department', source: `${BUREAU}：超出区级权限的事故报市局组织调查（按规定权限）` },
  major: { lead: 'city_department', source: `${BUREAU}：超出区级权限的事故报市局组织调查（按规定权限）` },
  larger: { lead: 'city_department', source: `${BUREAU}：超出区级权限的事故报市局组织调查（按规定权限）` },
  general: {
    lead: 'district_bureau',
    source: `${BUREAU}：一般产品质量、食品相关产品事故由本局组织调查（参照《中华人民共和国食品安全法》第一百零五条：县级以上人民政府食品安全监督管理部门会同有关部门调查处理；事故责任调查由设区的市级以上部门进行，第一百零六条）`,
  },
};

/** 特种设备事故报告和调查处理规定 第三条: what is not a special-equipment accident. */
export const NOT_AN_ACCIDENT_GROUNDS = {
  excluded_equipment:
    '《中华人民共和国特种设备安全法》第一百条规定的特种设备（军事装备、核设施、航空航天器使用的，铁路机车、海上设施和船舶、矿山井下使用的特种设备等）造成的事故',
  force_majeure_or_external: '自然灾害等不可抗力或者交通事故、火灾事故等外部因素引发的事故',
  sabotage_or_crime: '人为破坏或者利用特种设备实施违法犯罪导致的事故',
  not_in_operation: '特种设备具备使用功能前或者在拆卸、报废、转移等非作业状态下发生的事故',
  worker_protection: '作业、检验、检测人员因劳动保护措施不当或者缺失而发生的事故',
  vehicle_outside_area: '场（厂）内专用机动车辆驶出规定的工厂厂区、旅游景区、游乐场所等特定区域发生的事故',
} as const;
export type NotAnAccidentGround = keyof typeof NOT_AN_ACCIDENT_GROUNDS;
export const NOT_AN_ACCIDENT_SOURCE = `${ORDER_50} 第三条`;

function entry<T>(descriptionZh: string, descriptionEn: string, effectiveFrom: IsoDate, value: T, source: string): PolicyEntry<T> {
  return { descriptionZh, descriptionEn, versions: [{ effectiveFrom, value, source }] };
}

const GENERAL_RULES_FROM: IsoDate = '2007-06-01';
const BUREAU_FROM: IsoDate = '2024-01-01';

/** Hour limits, in hours; notices for them in minutes (the bureau's own chasing rule). */
export const accidentHourPolicy = {
  unitReport: entry(
    '事故发生单位向县级以上部门报告',
    'the unit reports to the county-level department',
    GENERAL_RULES_FROM,
    1,
    `${GENERAL_RULES} 第九条第一款：单位负责人接到报告后，应当于1小时内报告；${SE_LAW} 第七十条第一款；${ORDER_50}：事故发生单位的负责人接到报告后，应当于一小时内向事故发生地的县级以上市场监督管理部门和有关部门报告（条号未能核实）`,
  ),
  perLevel: entry(
    '每级上报时限',
    'time for each level of reporting upward',
    GENERAL_RULES_FROM,
    2,
    `${GENERAL_RULES} 第十一条：逐级上报事故情况，每级上报的时间不得超过2小时；第十条第二款：上报事故情况，应当同时报告本级人民政府；${SE_LAW} 第七十条第二款`,
  ),
  warnMinutesBefore: entry('上报时限届满前提醒', 'warn before an hour limit', BUREAU_FROM, 30, `${BUREAU}：上报时限届满前30分钟提醒科长`),
  headMinutesAfter: entry(
    '上报逾期后报告局长',
    'tell the head after an hour limit',
    BUREAU_FROM,
    60,
    `${BUREAU}：上报逾期60分钟仍未报告的，报告局长`,
  ),
} as const;

export const accidentPeriodPolicy = {
  investigation: entry(
    '提交事故调查报告',
    'investigation report',
    GENERAL_RULES_FROM,
    days(60),
    `${GENERAL_RULES} 第二十九条：自事故发生之日起60日内提交事故调查报告（技术鉴定所需时间不计入事故调查期限，第二十七条）`,
  ),
  maxExtension: entry(
    '调查期限延长上限',
    'longest extension',
    GENERAL_RULES_FROM,
    days(60),
    `${GENERAL_RULES} 第二十九条：经负责事故调查的人民政府批准可以适当延长，但延长的期限最长不超过60日`,
  ),
  approval: entry(
    '批复事故调查报告',
    'approval of the report',
    GENERAL_RULES_FROM,
    days(15),
    `${GENERAL_RULES} 第三十二条第一款：重大事故、较大事故、一般事故，自收到事故调查报告之日起15日内做出批复（特别重大事故30日，不由本局办理）`,
  ),
  followUpWindow: entry(
    '伤亡人数变化补报期间',
    'follow-up report window',
    GENERAL_RULES_FROM,
    days(30),
    `${GENERAL_RULES} 第十三条第二款：自事故发生之日起30日内，事故造成的伤亡人数发生变化的，应当及时补报（道路交通事故、火灾事故为7日，不适用于本局办理的事故）`,
  ),
  warnWorkingDaysBefore: entry(
    '调查期限届满前提醒',
    'warn before a period ends',
    BUREAU_FROM,
    5,
    `${BUREAU}：期限届满前五个工作日提醒科长`,
  ),
  reminderEvery: entry('逾期再次催办间隔', 'reminder interval', BUREAU_FROM, workingDays(2), `${BUREAU}：逾期后每两个工作日再次提醒科长`),
  bureauHeadAfter: entry(
    '逾期报告局长',
    'tell the head after',
    BUREAU_FROM,
    workingDays(3),
    `${BUREAU}：逾期三个工作日仍未办理的，报告局长`,
  ),
} as const;

/** The rule set an accident runs under, resolved when the report is received and recorded on the case. */
export interface AccidentRuleSet {
  resolvedOn: IsoDate;
  unitReportHours: Versioned<number>;
  perLevelHours: Versioned<number>;
  warnMinutesBefore: Versioned<number>;
  headMinutesAfter: Versioned<number>;
  investigation: Versioned<Period>;
  maxExtension: Versioned<Period>;
  approval: Versioned<Period>;
  followUpWindow: Versioned<Period>;
  warnWorkingDaysBefore: Versioned<number>;
  reminderEvery: Versioned<Period>;
  bureauHeadAfter: Versioned<Period>;
}

export function resolveAccidentRules(date: IsoDate): AccidentRuleSet | DomainError {
  const h = accidentHourPolicy;
  const p = accidentPeriodPolicy;
  const picks = {
    unitReportHours: inForceOn('accident.unitReport', h.unitReport, date),
    perLevelHours: inForceOn('accident.perLevel', h.perLevel, date),
    warnMinutesBefore: inForceOn('accident.warnMinutesBefore', h.warnMinutesBefore, date),
    headMinutesAfter: inForceOn('accident.headMinutesAfter', h.headMinutesAfter, date),
    investigation: inForceOn('accident.investigation', p.investigation, date),
    maxExtension: inForceOn('accident.maxExtension', p.maxExtension, date),
    approval: inForceOn('accident.approval', p.approval, date),
    followUpWindow: inForceOn('accident.followUpWindow', p.followUpWindow, date),
    warnWorkingDaysBefore: inForceOn('accident.warnWorkingDaysBefore', p.warnWorkingDaysBefore, date),
    reminderEvery: inForceOn('accident.reminderEvery', p.reminderEvery, date),
    bureauHeadAfter: inForceOn('accident.bureauHeadAfter', p.bureauHeadAfter, date),
  };
  for (const v of Object.values(picks)) if (isDomainError(v)) return v;
  return { resolvedOn: date, ...(picks as Omit<AccidentRuleSet, 'resolvedOn'>) };
}

/** The facts a grade is read from. */
export interface GradeFacts {
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
  evacuated: number;
  equipmentEvents: readonly { kind: EquipmentEventKind; hours?: number | undefined; people?: number | undefined }[];
}

function reaches(t: GradeThreshold, f: GradeFacts): boolean {
  if (t.deathsAtLeast !== undefined && f.deaths >= t.deathsAtLeast) return true;
  if (t.seriousInjuriesAtLeast !== undefined && f.seriousInjuries >= t.seriousInjuriesAtLeast) return true;
  if (t.directLossYuanAtLeast !== undefined && f.directLossYuan >= t.directLossYuanAtLeast) return true;
  if (t.evacuatedAtLeast !== undefined && f.evacuated >= t.evacuatedAtLeast) return true;
  const ev = t.event;
  if (!ev) return false;
  return f.equipmentEvents.some(
    (e) => e.kind === ev.kind && (e.hours ?? 0) >= (ev.hoursAtLeast ?? 0) && (e.people ?? 0) >= (ev.peopleAtLeast ?? 0),
  );
}

/** The grade the facts reach, with the article that says so; null below the lowest grade. */
export function gradeOf(kind: AccidentKind, facts: GradeFacts): { grade: AccidentGrade; source: string } | null {
  const rules = kind === 'special_equipment' ? SPECIAL_EQUIPMENT_GRADES : GENERAL_GRADES;
  const hit = rules.find((r) => r.anyOf.some((t) => reaches(t, facts)));
  return hit ? { grade: hit.grade, source: hit.source } : null;
}

/** Who organises the investigation of an accident of this kind and grade. */
export function authorityFor(kind: AccidentKind, grade: AccidentGrade): AuthorityRule {
  return (kind === 'special_equipment' ? SPECIAL_EQUIPMENT_AUTHORITY : PRODUCT_AUTHORITY)[grade];
}

/**
 * How far up the report goes (生产安全事故报告和调查处理条例 第十条): 一般 → the city, 较大 → the province, 重大 and
 * 特别重大 → the State Council's department. The district's own level is its government and the city department.
 */
export function reportCeilingOf(grade: AccidentGrade): { ceiling: 'city' | 'province' | 'national'; source: string } {
  const source = `${GENERAL_RULES} 第十条第一款`;
  if (grade === 'general') return { ceiling: 'city', source };
  if (grade === 'larger') return { ceiling: 'province', source };
  return { ceiling: 'national', source };
}
