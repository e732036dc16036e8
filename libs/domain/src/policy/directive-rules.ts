import type { IsoDate } from '../shared/iso-date';
import { isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';
import { days, workingDays, type Period } from './period';

const LAW = '《中华人民共和国特种设备安全法》';
const MEASURES = '《特种设备安全监督检查办法》（国家市场监督管理总局令第57号，2022年7月1日起施行）';
const COMPULSION = '《中华人民共和国行政强制法》';
/** The law sets no number of days for these: the bureau's own rule, said so in the source. */
const BUREAU = '本局规定（内部规定，法律未规定期限）';
const MEASURES_FROM: IsoDate = '2022-07-01';
const BUREAU_FROM: IsoDate = '2024-01-01';

function one<T>(descriptionZh: string, descriptionEn: string, effectiveFrom: IsoDate, value: T, source: string): PolicyEntry<T> {
  return { descriptionZh, descriptionEn, versions: [{ effectiveFrom, value, source }] };
}

/** A fine range in yuan; `serious` is the higher range the law sets for serious circumstances (情节严重的), if any. */
export interface DirectiveFineRange {
  minYuan: number;
  maxYuan: number;
  serious?: { minYuan: number; maxYuan: number } | undefined;
}

export const directivePolicy = {
  writtenDirectiveAfterEmergency: one(
    '现场采取紧急措施后补发书面安全监察指令',
    'the written directive after an emergency order on the spot',
    BUREAU_FROM,
    workingDays(2),
    `${LAW}第六十二条规定应当随后补发特种设备安全监察指令，未规定期限；${BUREAU}：现场紧急处置后两个工作日内补发`,
  ),
  reinspection: one(
    '收到整改报告后复查',
    're-inspection after the rectification report',
    MEASURES_FROM,
    workingDays(10),
    `${MEASURES}第二十九条第二款：市场监督管理部门应当在被检查单位提交整改报告后十个工作日内，对整改情况进行复查（现场检查、材料核查等方式）`,
  ),
  seal: one(
    '查封、扣押期限',
    'term of a seal or seizure',
    '2012-01-01',
    days(30),
    `${COMPULSION}第二十五条：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但延长期限不得超过三十日`,
  ),
  sealExtensionMax: one(
    '查封、扣押延长上限',
    'most a seal may be extended by',
    '2012-01-01',
    days(30),
    `${COMPULSION}第二十五条：经行政机关负责人批准可以延长，延长期限不得超过三十日`,
  ),
  refusalFine: one<DirectiveFineRange>(
    '拒不执行安全监察指令的罚款幅度',
    'fine range for refusing a safety directive',
    MEASURES_FROM,
    { minYuan: 5_000, maxYuan: 100_000, serious: { minYuan: 100_000, maxYuan: 200_000 } },
    `${MEASURES}第三十六条：违反本办法第二十九条第一款，拒不执行特种设备安全监察指令的，处五千元以上十万元以下罚款；情节严重的，处十万元以上二十万元以下罚款`,
  ),
  reminderEvery: one(
    '逾期后再次提醒科长的间隔',
    'interval between repeated reminders to the chief',
    BUREAU_FROM,
    workingDays(1),
    `${BUREAU}：书面指令或复查逾期后每个工作日提醒科长`,
  ),
  bureauHeadAfter: one(
    '逾期后报告局长',
    'tell the bureau head after a directive deadline is overdue by',
    BUREAU_FROM,
    workingDays(2),
    `${BUREAU}：逾期两个工作日仍未办理的，报告局长`,
  ),
} as const;

/** The rule set a directive case runs under, resolved when it opens and recorded on it (程序从新). */
export interface DirectiveRuleSet {
  resolvedOn: IsoDate;
  writtenDirectiveAfterEmergency: Versioned<Period>;
  reinspection: Versioned<Period>;
  seal: Versioned<Period>;
  sealExtensionMax: Versioned<Period>;
  refusalFine: Versioned<DirectiveFineRange>;
  reminderEvery: Versioned<Period>;
  bureauHeadAfter: Versioned<Period>;
}

type Key = keyof typeof directivePolicy;

export function resolveDirectiveRules(date: IsoDate): DirectiveRuleSet | DomainError {
  const out: Record<string, unknown> = { resolvedOn: date };
  for (const key of Object.keys(directivePolicy) as Key[]) {
    const v = inForceOn<unknown>(`directive.${key}`, directivePolicy[key], date);
    if (isDomainError(v)) return v;
    out[key] = v;
  }
  return out as unknown as DirectiveRuleSet;
}
