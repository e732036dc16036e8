import { canonicalJson, chainEnvelopes, firstBreak } from '@qts/audit';
import { PENALTY_CASE_TYPE, type EventEnvelope } from '@qts/domain';

const envelope = (seq: number, payload: Record<string, unknown> = { n: seq }): EventEnvelope => ({
  eventId: `C-1:${seq}`,
  caseId: 'C-1',
  caseType: PENALTY_CASE_TYPE,
  bureauId: 'district-test',
  seq,
  type: 'Something',
  schemaVersion: 1,
  occurredAt: '2026-11-28T01:00:00.000Z',
  actor: { id: 'officer-li', role: 'officer' },
  payload,
});

describe('event hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
  });

  it('links each event to the previous one, across batches, deterministically', () => {
    const first = chainEnvelopes([envelope(1), envelope(2)], null);
    const second = chainEnvelopes([envelope(3)], first[1]?.hash ?? null);
    expect(first[0]?.prevHash).toBeNull();
    expect(first[1]?.prevHash).toBe(first[0]?.hash);
    expect(second[0]?.prevHash).toBe(first[1]?.hash);
    expect(chainEnvelopes([envelope(1), envelope(2)], null)).toEqual(first);
    expect(firstBreak([...first, ...second])).toBeNull();
  });

  it('names the first altered event', () => {
    const chain = chainEnvelopes([envelope(1), envelope(2), envelope(3)], null);
    const altered = chain.map((e) => (e.seq === 2 ? { ...e, payload: { n: 999 } } : e));
    expect(firstBreak(altered)).toMatchObject({ seq: 2, eventId: 'C-1:2', reason: 'hash_mismatch' });
  });

  it('detects a re-hashed forgery by the broken link after it, and a missing event', () => {
    const chain = chainEnvelopes([envelope(1), envelope(2), envelope(3)], null);
    const [forged] = chainEnvelopes([{ ...envelope(2, { n: 999 }) }], chain[0]?.hash ?? null);
    if (!forged || !chain[0] || !chain[2]) throw new Error('setup');
    expect(firstBreak([chain[0], forged, chain[2]])).toMatchObject({ seq: 3, reason: 'previous_hash_mismatch' });
    expect(firstBreak([chain[0], chain[2]])).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });
});
