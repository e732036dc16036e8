import { filedAndInvestigated } from '../../support/penalty-fixtures';
import { decidePenaltyCase, isDomainError } from '@qts/domain';
import { calendar, certified, given, noonOn, officer, stateFrom } from '../../support/penalty-given-when-then';

const evidence = (officers: ReturnType<typeof certified> | undefined, officerIds = ['officer-li', 'officer-zhao']) => ({
  type: 'RecordEvidence' as const,
  kind: 'site_inspection' as const,
  collectedOn: '2026-03-12',
  officerIds,
  description: '现场检查笔录',
  ...(officers ? { officers } : {}),
});

describe('evidence: two officers holding certificates valid on the day (行政处罚法 第四十二条)', () => {
  const history = () => filedAndInvestigated().slice(0, 2);

  it('records the certificate numbers of two certified officers', () => {
    expect(
      given(history())
        .when(evidence(certified('officer-li', 'officer-zhao')), '2026-03-12')
        .thenEvents(),
    ).toEqual([
      {
        type: 'EvidenceRecorded',
        payload: {
          kind: 'site_inspection',
          collectedOn: '2026-03-12',
          officerIds: ['officer-li', 'officer-zhao'],
          description: '现场检查笔录',
          certificates: [
            { officerId: 'officer-li', number: 'CERT-1' },
            { officerId: 'officer-zhao', number: 'CERT-2' },
          ],
        },
      },
    ]);
  });

  it('refuses an officer whose certificate expired before the collection day, naming them', () => {
    const officers = certified('officer-li', 'officer-ma').map((o) =>
      o.id === 'officer-ma' ? { ...o, certificate: { number: 'OLD-9', validFrom: '2019-01-01', validTo: '2026-03-11' } } : o,
    );
    const refusal = given(history())
      .when(evidence(officers, ['officer-li', 'officer-ma']), '2026-03-12')
      .thenRefused('OFFICER_CERTIFICATE_NOT_VALID');
    expect(refusal.message).toContain('officer-ma');
    expect(refusal.message).toContain('OLD-9');
  });

  it('accepts a certificate whose last valid day is the collection day', () => {
    const officers = certified('officer-li', 'officer-ma').map((o) =>
      o.id === 'officer-ma' ? { ...o, certificate: { number: 'OLD-9', validFrom: '2019-01-01', validTo: '2026-03-12' } } : o,
    );
    given(history())
      .when(evidence(officers, ['officer-li', 'officer-ma']), '2026-03-12')
      .thenEvents();
  });

  it('refuses an officer without a certificate and one without an account', () => {
    const noCertificate = certified('officer-li', 'clerk').map((o) => (o.id === 'clerk' ? { ...o, certificate: null } : o));
    expect(
      given(history())
        .when(evidence(noCertificate, ['officer-li', 'clerk']), '2026-03-12')
        .thenRefused('OFFICER_CERTIFICATE_NOT_VALID').message,
    ).toContain('无执法证');
    expect(
      given(history())
        .when(evidence(certified('officer-li'), ['officer-li', 'stranger']), '2026-03-12')
        .thenRefused('OFFICER_UNKNOWN').details,
    ).toEqual({ unknown: ['stranger'] });
  });

  it('refuses evidence whose certificates were not attached', () => {
    given(history()).when(evidence(undefined), '2026-03-12').thenRefused('OFFICER_CREDENTIALS_MISSING');
  });

  it('replays evidence taken before the check as it was decided then (compat set by patched())', () => {
    const state = stateFrom(history());
    const result = decidePenaltyCase(state, evidence(undefined), {
      now: noonOn('2026-03-12'),
      actor: officer,
      calendar,
      compat: { evidenceWithoutCertificates: true },
    });
    expect(isDomainError(result) ? result.code : result.map((e) => e.payload)).toEqual([
      { kind: 'site_inspection', collectedOn: '2026-03-12', officerIds: ['officer-li', 'officer-zhao'], description: '现场检查笔录' },
    ]);
  });
});
