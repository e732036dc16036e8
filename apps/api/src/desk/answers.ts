import { z } from 'zod';
import { isoDateSchema } from '@qts/domain';
import { pageAnswer } from '../cases/answers';

/** The answers of whose move, the stalled cases, the desk counts and the inbox (issue 14). */
const labels = z.object({ zh: z.string(), en: z.string() });
const deadline = z
  .object({ kind: z.string(), labelZh: z.string(), labelEn: z.string(), legalSource: z.string(), due: isoDateSchema })
  .describe('governing open deadline, with its legal source / 期限及法律依据');

export const moveAnswer = z.object({
  command: z.string().describe('命令类型 / command type, as POSTed to /api/{route}/:id/commands'),
  label: labels,
  roles: z.array(z.string()).describe('可发送的角色 / roles the policy admits'),
  scope: z.string().describe('own_section | any_section | only:<section>, per role in order (joined by ",")'),
  basis: z.string().describe('授权依据 / the policy row’s legal basis'),
  mayISend: z.boolean().describe('当前登录人可否发送 / whether the signed-in person may send it'),
  reasonIfNot: z.string().optional(),
  dueAt: isoDateSchema.nullable().describe('截止日期 / by when'),
  deadline: deadline.nullable(),
});

export const movesAnswer = z.object({
  caseId: z.string(),
  caseType: z.string(),
  section: z.string(),
  stage: z.string(),
  stageLabel: labels,
  closed: z.boolean(),
  moves: z.array(moveAnswer),
});
export type MovesAnswer = z.infer<typeof movesAnswer>;

const mustAct = z.object({
  role: z.string(),
  section: z.string().nullable().describe('null: 不限科室 / any section'),
  commands: z.array(z.string()),
});
const stallReason = z.object({
  code: z.enum(['DEADLINE_PASSED', 'STAGE_HELD_TOO_LONG', 'OUTSIDE_PARTY_LATE', 'TECHNICALLY_STUCK']),
  zh: z.string(),
  en: z.string(),
  since: isoDateSchema,
  legalSource: z.string().nullable(),
});

export const stalledCaseAnswer = z.object({
  caseId: z.string(),
  caseType: z.string().nullable(),
  caseLabel: labels.nullable(),
  section: z.string().nullable(),
  stage: z.string().nullable(),
  stageLabel: labels.nullable(),
  title: z.string().nullable(),
  partyName: z.string().nullable(),
  since: isoDateSchema.describe('停滞起始日（最早的原因）/ stalled since (the oldest reason)'),
  daysStalled: z.number().int(),
  reasons: z.array(stallReason),
  mustAct: z.array(mustAct).describe('须办理者（角色、科室、命令）/ who must act: role, section, commands'),
  waitingOn: z.string().nullable().describe('等待的外部单位 / the outside party the case waits on'),
});
export const stalledPageAnswer = pageAnswer(stalledCaseAnswer);

const count = z.object({ open: z.number().int(), overdue: z.number().int() });
export const deskCountsAnswer = z.object({
  today: isoDateSchema,
  totals: count,
  byProcess: z.array(count.extend({ caseType: z.string(), label: labels })),
  byStage: z.array(count.extend({ caseType: z.string(), stage: z.string(), label: labels })),
  bySection: z.array(count.extend({ section: z.string(), overdueRate: z.number().describe('逾期率 0–1 / overdue share') })),
  byAge: z.array(count.extend({ age: z.enum(['0-7', '8-30', '31-90', '>90']).describe('立案以来天数 / days open') })),
  weekly: z.array(
    z.object({
      section: z.string(),
      week: isoDateSchema.describe('周一（北京时间）/ the Monday'),
      opened: z.number().int(),
      closed: z.number().int(),
      overdueNow: z.number().int(),
      overdueRate: z.number(),
    }),
  ),
});

export const inboxItemAnswer = z.object({
  caseId: z.string(),
  caseType: z.string(),
  caseLabel: labels,
  section: z.string(),
  stage: z.string(),
  stageLabel: labels,
  title: z.string(),
  partyName: z.string(),
  dueAt: isoDateSchema.nullable().describe('最早的截止日期 / the soonest due date of its moves'),
  overdue: z.boolean(),
  moves: z.array(moveAnswer),
});
export const inboxAnswer = z.object({
  items: z.array(inboxItemAnswer),
  /** how many open cases were looked at (soonest due first); the inbox looks at most `scanned` of them */
  scanned: z.number().int(),
  complete: z.boolean().describe('是否已查看全部待办案件 / whether every candidate case was looked at'),
});
