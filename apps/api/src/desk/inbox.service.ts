import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { movesOf, processOf, shanghaiDate, type IsoDate, type Move, type Principal, type Section } from '@qts/domain';
import { openCasesDueFirst } from '@qts/read-model';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error';
import { IdentityProvider } from '../auth/identity.provider';
import { ReadAccess } from '../cases/read-access.service';
import type { inboxAnswer } from './answers';
import { movesFor } from './case-moves';

/** the inbox looks at this many open cases at most, soonest due first (a page of 200 at a time) */
const INBOX_SCAN = 2000;
const INBOX_BATCH = 200;

/** The commands someone of `section` may send: a grant on the case's own section, or one only for that section. */
function sectionMoves(moves: readonly Move[], section: Section, caseSection: Section): Set<string> {
  const may = (m: Move) =>
    m.rule.grants.some((g) =>
      g.scope === 'own_section' ? caseSection === section : typeof g.scope === 'object' && g.scope.onlySection === section,
    );
  return new Set(moves.filter(may).map((m) => m.command));
}

/** Officers' and sections' inbox (issue 14): what each must do next, decided from each open case's stored state. */
@Injectable()
export class InboxService {
  private readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
    private readonly identity: IdentityProvider,
    private readonly access: ReadAccess,
  ) {
    this.schema = config.database.readModelSchema;
  }

  /** The cases where this person (or, with `section`, anyone of that section) must act next, soonest due first. */
  async inbox(
    principal: Principal,
    section: Section | undefined,
    today: IsoDate = shanghaiDate(Date.now()),
  ): Promise<z.output<typeof inboxAnswer>> {
    const visibleTo = await this.access.visibleTo(principal);
    if (section !== undefined && visibleTo && !visibleTo.sections.includes(section))
      throw new ApiError(403, 'SECTION_NOT_VISIBLE', `您不能查看${section}的待办 / you cannot see that section’s inbox`, { section });
    const assignedIds = new Set(await this.identity.assignments.caseIdsOf(principal.id));
    const scope = section !== undefined ? { sections: [section], caseIds: [] } : visibleTo;
    const items: z.output<typeof inboxAnswer>['items'] = [];
    let scanned = 0;
    let complete = false;
    while (scanned < INBOX_SCAN) {
      const batch = await openCasesDueFirst(this.db.pool, this.schema, {
        ...(scope ? { sections: scope.sections, caseIds: scope.caseIds } : {}),
        limit: INBOX_BATCH,
        offset: scanned,
      });
      scanned += batch.length;
      for (const c of batch) {
        const process = processOf(c.caseType);
        if (!process) continue;
        const caseSection = c.section as Section;
        const moves = movesFor(process, c.state, { principal, caseSection, assigned: assignedIds.has(c.caseId) }, today);
        // a section's inbox: the moves someone of the section may send; one's own: the moves one may send
        const ofSection = section !== undefined ? sectionMoves(movesOf(process, c.state, today), section, caseSection) : null;
        const mine = moves.filter((m) => (ofSection ? ofSection.has(m.command) : m.mayISend));
        if (mine.length === 0) continue;
        const dueAt =
          mine
            .map((m) => m.dueAt)
            .filter((d): d is string => d !== null)
            .sort()[0] ?? null;
        items.push({
          caseId: c.caseId,
          caseType: c.caseType,
          caseLabel: process.labels,
          section: c.section,
          stage: c.stage,
          stageLabel: process.stages.label(c.stage),
          title: c.title,
          partyName: c.partyName,
          dueAt,
          overdue: dueAt !== null && dueAt < today,
          moves: mine,
        });
      }
      if (batch.length < INBOX_BATCH) {
        complete = true;
        break;
      }
    }
    items.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.caseId.localeCompare(b.caseId));
    return { items, scanned, complete };
  }
}
