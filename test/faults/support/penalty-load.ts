import { shanghaiDate } from '@qts/domain';
import type { Stack } from '../../support/stack';
import { definite } from './client';
import { between, nextRandom } from './schedule';

/** What the penalty clients were told: the cases opened and the payments accepted (a 2xx). */
export interface PenaltyLedger {
  /** cases whose opening was acknowledged (201) */
  cases: string[];
  /** per case, payment references acknowledged (200) */
  paid: Map<string, string[]>;
  refused: number;
  /** the last refusal's answer, to tell a wrong request from a rule */
  lastRefusal: string;
}

export const newPenaltyLedger = (): PenaltyLedger => ({ cases: [], paid: new Map(), refused: 0, lastRefusal: '' });

export function refuse(ledger: { refused: number; lastRefusal: string }, res: { status: number; body: unknown }): void {
  ledger.refused += 1;
  ledger.lastRefusal = `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
}

/** One step of a penalty client: open a summary case now and then, else a 1-yuan payment on one of the open ones. */
export async function penaltyStep(stack: Stack, ledger: PenaltyLedger, client: string, n: number): Promise<void> {
  const today = shanghaiDate(Date.now());
  if (ledger.cases.length < 2 || nextRandom() < 0.15) {
    // an opening is not idempotent: a lost 201 leaves an unacknowledged case, which is not counted
    const res = await definite(
      stack,
      'POST',
      '/api/penalty-cases',
      {
        type: 'OpenSummaryCase',
        section: 'enforcement',
        title: `故障测试 ${client}-${n}`,
        party: { kind: 'organisation', name: '某厂' },
        violationDate: today,
        decidedOn: today,
        provisionId: 'product-quality-law-art54',
        // 3,000 yuan (the summary limit for an organisation) in 1-yuan payments: never settled, every payment is accepted
        penalty: { kind: 'fine', fineFen: 300_000 },
      },
      null,
    );
    if (res.status === 201 && typeof res.body['caseId'] === 'string') ledger.cases.push(res.body['caseId']);
    else refuse(ledger, res);
    return;
  }
  const caseId = ledger.cases[between(0, ledger.cases.length)] ?? '';
  const reference = `F-${client}-${n}-${caseId.slice(-8)}`;
  const res = await definite(
    stack,
    'POST',
    `/api/penalty-cases/${caseId}/commands`,
    { type: 'RecordPayment', paidOn: today, amountFen: 100, reference, channel: 'officer' },
    reference,
  );
  if (res.status === 200) ledger.paid.set(caseId, [...(ledger.paid.get(caseId) ?? []), reference]);
  else refuse(ledger, res);
}
