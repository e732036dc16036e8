import type { IsoDate } from '../shared/iso-date';
import { isDomainError, type DomainError } from '../shared/domain-error';
import { inForceOn, type PolicyEntry, type Versioned } from './effective-dated';
import { days, workingDays, type Period } from './period';

/** The bodies an escalation passes through, one level each. The district bureau itself is the origin, not a level. */
export const ESCALATION_LEVEL_KINDS = ['city_bureau', 'province', 'cnca', 'police', 'peer_department'] as const;
export type EscalationLevelKind = (typeof ESCALATION_LEVEL_KINDS)[number];

/** What a level is expected to do in time: sign for the document, then answer it (decide or forward). */
export type EscalationResponsePhase = 'acknowledgement' | 'answer';

/**
 * Most of these are the bureau's own service levels for chasing a report, not legal periods: no law obliges the
 * city bureau, the province or CNCA to sign for or answer a district bureau's report within a fixed time. They are
 * recorded as such. Where a law does set a time (the police reviewing a transferred case), it is cited.
 */
const INTERNAL_ESCALATION = '本局上报督办规定（内部规定，非法定期限）';
const INTERNAL_TRANSFER = '本局与相关部门职责边界协作约定（内部规定，非法定期限）';
const CRIMINAL_TRANSFER = '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）';
const INTERNAL_FROM: IsoDate = '2024-01-01';

function internal(descriptionZh: string, descriptionEn: string, value: Period, note: string): PolicyEntry<Period> {
  return { descriptionZh, descriptionEn, versions: [{ effectiveFrom: INTERNAL_FROM, value, source: `${INTERNAL_ESCALATION}：${note}` }] };
}

export const escalationResponsePolicy: Record<EscalationLevelKind, Record<EscalationResponsePhase, PolicyEntry<Period>>> = {
  city_bureau: {
    acknowledgement: internal(
      '市质监局签收上报文书',
      'city bureau signs for the report',
      workingDays(3),
      '市局自收文之日起三个工作日内签收',
    ),
    answer: internal('市质监局答复或转报', 'city bureau answers or forwards', workingDays(20), '市局签收后二十个工作日内答复或逐级转报'),
  },
  province: {
    acknowledgement: internal(
      '省质监局签收转报文书',
      'provincial bureau signs for the report',
      workingDays(5),
      '省局自收文之日起五个工作日内签收',
    ),
    answer: internal(
      '省质监局答复或转报',
      'provincial bureau answers or forwards',
      workingDays(30),
      '省局签收后三十个工作日内答复或转报国家认监委',
    ),
  },
  cnca: {
    acknowledgement: internal(
      '国家认监委签收转报文书',
      'CNCA signs for the report',
      workingDays(10),
      '国家认监委自收文之日起十个工作日内签收',
    ),
    answer: internal('国家认监委作出决定', 'CNCA decides', days(60), '国家认监委签收后六十日内作出决定（逾期仅督办，不产生法律效果）'),
  },
  police: {
    acknowledgement: {
      descriptionZh: '公安机关书面受理移送案件',
      descriptionEn: 'police accept the transferred case in writing',
      versions: [
        {
          effectiveFrom: INTERNAL_FROM,
          value: workingDays(2),
          source: `${CRIMINAL_TRANSFER} 第八条要求公安机关以书面形式予以受理，未规定受理期限；${INTERNAL_ESCALATION}：移送后两个工作日内取得书面受理回执`,
        },
      ],
    },
    answer: {
      descriptionZh: '公安机关立案审查并书面通知',
      descriptionEn: 'police review the case and notify whether it is filed',
      versions: [
        {
          effectiveFrom: '2001-07-09',
          value: days(3),
          source: `${CRIMINAL_TRANSFER} 第八条：公安机关应当自接受行政执法机关移送的涉嫌犯罪案件之日起3日内进行审查，决定立案或不予立案的，书面通知移送案件的行政执法机关`,
        },
      ],
    },
  },
  peer_department: {
    acknowledgement: {
      descriptionZh: '相关部门签收移交材料',
      descriptionEn: 'peer department signs for the transfer',
      versions: [{ effectiveFrom: INTERNAL_FROM, value: workingDays(3), source: `${INTERNAL_TRANSFER}：移交后三个工作日内签收` }],
    },
    answer: {
      descriptionZh: '相关部门答复是否接收',
      descriptionEn: 'peer department answers whether it takes the matter',
      versions: [{ effectiveFrom: INTERNAL_FROM, value: workingDays(10), source: `${INTERNAL_TRANSFER}：签收后十个工作日内书面答复` }],
    },
  },
};

export const escalationNoticePolicy = {
  reminderEvery: internal(
    '逾期未签收或未答复时再次催办的间隔',
    'interval between repeated reminders',
    workingDays(2),
    '逾期后每两个工作日提醒科长再次催办',
  ),
  bureauHeadAfter: internal(
    '逾期后报告局长',
    'tell the bureau head after a response is overdue by',
    workingDays(5),
    '逾期五个工作日仍未签收或答复的，报告局长',
  ),
} as const;

/** The rule set an escalation runs under, resolved when it opens and recorded on it. */
export interface EscalationRuleSet {
  resolvedOn: IsoDate;
  response: Record<EscalationLevelKind, Record<EscalationResponsePhase, Versioned<Period>>>;
  reminderEvery: Versioned<Period>;
  bureauHeadAfter: Versioned<Period>;
}

export function resolveEscalationRules(date: IsoDate): EscalationRuleSet | DomainError {
  const response = {} as EscalationRuleSet['response'];
  for (const kind of ESCALATION_LEVEL_KINDS) {
    const entry = escalationResponsePolicy[kind];
    const acknowledgement = inForceOn(`escalation.${kind}.acknowledgement`, entry.acknowledgement, date);
    if (isDomainError(acknowledgement)) return acknowledgement;
    const answer = inForceOn(`escalation.${kind}.answer`, entry.answer, date);
    if (isDomainError(answer)) return answer;
    response[kind] = { acknowledgement, answer };
  }
  const reminderEvery = inForceOn('escalation.reminderEvery', escalationNoticePolicy.reminderEvery, date);
  if (isDomainError(reminderEvery)) return reminderEvery;
  const bureauHeadAfter = inForceOn('escalation.bureauHeadAfter', escalationNoticePolicy.bureauHeadAfter, date);
  if (isDomainError(bureauHeadAfter)) return bureauHeadAfter;
  return { resolvedOn: date, response, reminderEvery, bureauHeadAfter };
}
