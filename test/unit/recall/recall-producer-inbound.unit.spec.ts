import { recallProducerMessageSchema } from '../../../apps/api/src/recall/recall-producer-message';
import { givenRecall, published, recallStateFrom, runRecall, system } from '../../support/recall-given-when-then';

const producer = { id: 'producer:某童车有限公司', role: 'system' as const, name: '某童车有限公司' };
const report = { type: 'SubmitProgressReport', reportedOn: '2026-06-05', unitsNotified: 900, unitsRemedied: 400 } as const;

describe('the producer’s side over Kafka (recalls.inbound.v1)', () => {
  it('accepts a plan or a report in the command’s own shape, and refuses anything else naming the field', () => {
    const ok = recallProducerMessageSchema.safeParse({ version: 1, recallId: 'RCL-1', producer: '某童车有限公司', report });
    expect(ok.success).toBe(true);
    const officerOnly = recallProducerMessageSchema.safeParse({
      version: 1,
      recallId: 'RCL-1',
      producer: '某童车有限公司',
      report: { type: 'OrderRecall', orderedOn: '2026-03-02', orderedBy: '省局', reference: '1' },
    });
    expect(officerOnly.error?.issues.map((i) => i.message).join()).toContain('report must be');
    const nul = recallProducerMessageSchema.safeParse({ version: 1, recallId: 'RCL-1', producer: '厂\u0000', report });
    expect(nul.error?.issues[0]?.path).toEqual(['producer']);
    expect(recallProducerMessageSchema.safeParse({ version: 2, recallId: 'RCL-1', producer: 'x', report }).success).toBe(false);
  });

  it('a report from another producer is refused; the same report delivered twice is recognised as a duplicate', () => {
    givenRecall(published())
      .when(report, '2026-06-05', { ...producer, id: 'producer:别的公司', name: '别的公司' })
      .thenRefused('NOT_THE_PRODUCER');
    const once = runRecall([{ command: report, on: '2026-06-05', actor: producer }], published());
    expect(recallStateFrom(once).progress).toHaveLength(1);
    givenRecall(once).when(report, '2026-06-06', producer).thenRefused('DUPLICATE_REPORT');
    // a later report with the same figures is a real (stalled) report, not a duplicate
    givenRecall(once)
      .when({ ...report, reportedOn: '2026-07-06' }, '2026-07-06', system)
      .thenEvents();
  });
});
