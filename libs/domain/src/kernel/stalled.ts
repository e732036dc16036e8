import type { OpenDeadline } from '../events/case-projection';
import { addDays, daysBetween, shanghaiDate, type IsoDate } from '../shared/iso-date';
import type { StageLimit } from '../policy/stage-expectations';
import type { Section } from '../shared/actor';
import type { Move } from './moves';
import type { HourLimitDue } from './case-process';

/** Beijing time of an instant, YYYY-MM-DD HH:mm. */
function beijingMinute(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Why a case is stalled (issue 14):
 * - DEADLINE_PASSED: an open deadline has passed;
 * - STAGE_HELD_TOO_LONG: the bureau has held the stage longer than the policy expects (policy/stage-expectations);
 * - OUTSIDE_PARTY_LATE: the case waits on an outside party past the expected answer time;
 * - TECHNICALLY_STUCK: the read model could not apply its events (a damaged case, its events dead-lettered), or its
 *   workflow keeps retrying an activity / failing a workflow task.
 */
export type StallCode = 'DEADLINE_PASSED' | 'STAGE_HELD_TOO_LONG' | 'OUTSIDE_PARTY_LATE' | 'TECHNICALLY_STUCK';

export interface StallReason {
  readonly code: StallCode;
  readonly zh: string;
  readonly en: string;
  /** the day the case became stalled for this reason */
  readonly since: IsoDate;
  readonly legalSource: string | null;
}

export interface StallFacts {
  readonly stage: string;
  readonly stageLabelZh: string;
  /** the day the case entered its stage (the event time, Beijing date) */
  readonly stageSince: IsoDate | null;
  readonly deadlines: readonly OpenDeadline[];
  /** the limits counted in hours that have passed (`hourLimitsOf`), with the instant the desk judges them at */
  readonly hourLimitsPassed?: { readonly now: number; readonly limits: readonly HourLimitDue[] };
  /** the projector could not apply some of its events */
  readonly damaged?: { readonly since: IsoDate; readonly reason: string } | null;
  /** what the workflow engine says (pending activity retried past the limit, failing workflow task) */
  readonly technical?: { readonly since: IsoDate; readonly reason: string } | null;
}

/** Every reason a case is stalled on `today`, the oldest first; none for a case that is moving. */
export function stallReasons(facts: StallFacts, limit: StageLimit | undefined, today: IsoDate): StallReason[] {
  const reasons: StallReason[] = [];
  const hourly = new Set<string>();
  for (const h of facts.hourLimitsPassed?.limits ?? []) {
    const dueAt = Date.parse(h.dueAt);
    const now = facts.hourLimitsPassed?.now ?? dueAt;
    if (!(dueAt < now)) continue;
    hourly.add(h.kind);
    const hours = Math.floor((now - dueAt) / 3_600_000);
    const minutes = Math.floor((now - dueAt) / 60_000) % 60;
    reasons.push({
      code: 'DEADLINE_PASSED',
      zh: `${h.labelZh}时限 ${beijingMinute(dueAt)} 已过，逾期 ${hours} 小时 ${minutes} 分`,
      en: `${h.labelEn} was due at ${beijingMinute(dueAt)} Beijing time: ${hours} h ${minutes} min late`,
      since: shanghaiDate(dueAt),
      legalSource: h.legalSource,
    });
  }
  for (const d of facts.deadlines) {
    // a limit counted in hours is listed among the deadlines on its day too: said once, to the minute
    if (d.due >= today || hourly.has(d.kind)) continue;
    const late = daysBetween(d.due, today);
    reasons.push({
      code: 'DEADLINE_PASSED',
      zh: `${d.labelZh}已于 ${d.due} 届满，逾期 ${late} 日`,
      en: `${d.labelEn} was due on ${d.due}: ${late} days late`,
      since: addDays(d.due, 1),
      legalSource: d.legalSource,
    });
  }
  if (limit && facts.stageSince) {
    const expectedBy = addDays(facts.stageSince, limit.expectation.days);
    if (expectedBy < today) {
      const held = daysBetween(facts.stageSince, today);
      const outside = limit.expectation.waitsOn === 'outside';
      const who = limit.expectation.partyZh ?? '外部单位';
      reasons.push({
        code: outside ? 'OUTSIDE_PARTY_LATE' : 'STAGE_HELD_TOO_LONG',
        zh: outside
          ? `等待${who}已 ${held} 日（${limit.descriptionZh}，预期 ${limit.expectation.days} 日）`
          : `「${facts.stageLabelZh}」已停留 ${held} 日，超过预期 ${limit.expectation.days} 日`,
        en: outside
          ? `waiting on ${who} for ${held} days (expected ${limit.expectation.days})`
          : `in stage ${facts.stage} for ${held} days, expected ${limit.expectation.days}`,
        since: addDays(expectedBy, 1),
        legalSource: limit.source,
      });
    }
  }
  for (const t of [facts.damaged, facts.technical]) {
    if (!t) continue;
    reasons.push({
      code: 'TECHNICALLY_STUCK',
      zh: `技术故障：${t.reason}`,
      en: `technically stuck: ${t.reason}`,
      since: t.since,
      legalSource: null,
    });
  }
  return reasons.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** Who must act: each role and section that may send one of the moves (own section: the case's). */
export interface MustAct {
  readonly role: string;
  /** null: any section (the head, the committee) */
  readonly section: Section | null;
  readonly commands: readonly string[];
}

export function whoMustAct(moves: readonly Move[], caseSection: Section): MustAct[] {
  const byKey = new Map<string, { role: string; section: Section | null; commands: string[] }>();
  for (const move of moves) {
    for (const g of move.rule.grants) {
      const section = g.scope === 'own_section' ? caseSection : g.scope === 'any_section' ? null : g.scope.onlySection;
      const key = `${g.role}|${section ?? ''}`;
      const entry = byKey.get(key) ?? { role: g.role, section, commands: [] };
      if (!entry.commands.includes(move.command)) entry.commands.push(move.command);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}
