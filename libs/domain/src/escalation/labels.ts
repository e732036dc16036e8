import { labels, type Labels } from '../kernel/labels';
import { BOUNDARY_DEPARTMENTS } from './boundary-table';
import type { EscalationCaseCommand, EscalationOpeningCommand } from './commands';
import type { EscalationEventType } from './events';
import type { EscalationLevelStatus } from './state';

const STATUS: Record<EscalationLevelStatus, Labels> = {
  pending: labels('待报送', 'pending'),
  submitted: labels('已报送待签收', 'submitted'),
  acknowledged: labels('已签收待答复', 'acknowledged'),
  forwarded: labels('已转报', 'forwarded'),
  decided: labels('已答复', 'decided'),
  withdrawn: labels('已撤回', 'withdrawn'),
};

const LEVELS: Record<string, Labels> = {
  city_bureau: labels('市质监局', 'city bureau'),
  province: labels('省质监局', 'provincial bureau'),
  cnca: labels('国家认监委', 'CNCA'),
  police: labels('公安机关', 'police'),
  ...Object.fromEntries(
    Object.entries(BOUNDARY_DEPARTMENTS).map(([key, zh]) => [`peer:${key}`, labels(zh, `peer department ${key}`)] as const),
  ),
};

const WHOLE: Record<string, Labels> = {
  none: labels('未开启', 'not opened'),
  open: labels('办理中', 'open'),
  closed: labels('已办结', 'closed'),
};

/** Every stage `escalationStage` can name: none, open, closed, and status:level for each level of any chain. */
export const ESCALATION_STAGES: readonly string[] = [
  ...Object.keys(WHOLE),
  ...Object.keys(STATUS).flatMap((status) => Object.keys(LEVELS).map((level) => `${status}:${level}`)),
];

/** `acknowledged:province` reads 省质监局 · 已签收待答复. */
export function escalationStageLabel(stage: string): Labels {
  const whole = WHOLE[stage];
  if (whole) return whole;
  const [status, ...rest] = stage.split(':');
  const s = STATUS[status as EscalationLevelStatus];
  const level = LEVELS[rest.join(':')];
  if (!s || !level) return labels(stage, stage);
  return labels(`${level.zh} · ${s.zh}`, `${level.en}: ${s.en}`);
}

export const ESCALATION_COMMAND_LABELS: Record<EscalationOpeningCommand['type'] | EscalationCaseCommand['type'], Labels> = {
  OpenEscalation: labels('拟稿上报/移送', 'draft an escalation'),
  SubmitEscalation: labels('签发报送', 'sign and submit'),
  RecordAcknowledgement: labels('登记签收', 'record the acknowledgement'),
  RecordForwarding: labels('登记转报', 'record the forwarding'),
  RecordDecision: labels('登记答复决定', 'record the decision'),
  WithdrawEscalation: labels('撤回', 'withdraw'),
  ResubmitEscalation: labels('重新报送', 'resubmit'),
};

export const ESCALATION_EVENT_LABELS: Record<EscalationEventType, Labels> = {
  DeadlinesRecomputed: labels('期限按新日历重算', 'deadlines recomputed on the new calendar'),
  EscalationOpened: labels('上报/移送已拟稿', 'escalation opened'),
  EscalationSubmitted: labels('已报送', 'submitted'),
  EscalationAcknowledged: labels('对方已签收', 'acknowledged'),
  EscalationForwarded: labels('已转报上一级', 'forwarded to the next level'),
  EscalationDecided: labels('对方已答复', 'decided'),
  EscalationWithdrawn: labels('已撤回', 'withdrawn'),
  EscalationClosed: labels('已办结', 'closed'),
  EscalationNoticeRaised: labels('督办通知', 'escalation notice'),
};
