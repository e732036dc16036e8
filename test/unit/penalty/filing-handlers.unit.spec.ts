import { leadRegistered, noticeServed } from '../../support/penalty-fixtures';
import { decidePenaltyCase, isDomainError, type PenaltyCaseCommand } from '@qts/domain';
import { calendar, certified, given, head, noonOn, stateFrom } from '../../support/penalty-given-when-then';

const filing = (handlerIds: string[] | undefined, handlers: ReturnType<typeof certified> | undefined): PenaltyCaseCommand => ({
  type: 'DecideFiling',
  decision: 'file',
  decidedOn: '2026-03-10',
  reason: '涉嫌违反特种设备安全法',
  ...(handlerIds ? { handlerIds } : {}),
  ...(handlers ? { handlers } : {}),
});

describe('filing designates two or more 办案人员 with certificates valid on the filing day (行政处罚法 第四十二条)', () => {
  it('records the handlers and their certificate numbers on CaseFiled', () => {
    const [event] = given(leadRegistered())
      .when(filing(['officer-li', 'officer-zhao'], certified('officer-li', 'officer-zhao')), '2026-03-10', head)
      .thenEvents();
    expect(event?.type).toBe('CaseFiled');
    expect(event?.payload).toMatchObject({
      handlers: [
        { officerId: 'officer-li', number: 'CERT-1' },
        { officerId: 'officer-zhao', number: 'CERT-2' },
      ],
    });
    expect(stateFrom([...leadRegistered(), ...(event ? [event] : [])]).handlerIds).toEqual(['officer-li', 'officer-zhao']);
  });

  it('refuses a filing without handlers, or with one handler named twice, saying what is missing', () => {
    const none = given(leadRegistered()).when(filing(undefined, undefined), '2026-03-10', head).thenRefused('TWO_OFFICERS_REQUIRED');
    expect(none.message).toContain('立案须指定两名以上办案人员');
    given(leadRegistered())
      .when(filing(['officer-li', 'officer-li'], certified('officer-li')), '2026-03-10', head)
      .thenRefused('TWO_OFFICERS_REQUIRED');
  });

  it('refuses a handler whose certificate is not valid on the filing day, naming them and the day', () => {
    const handlers = certified('officer-li', 'officer-ma').map((o) =>
      o.id === 'officer-ma' ? { ...o, certificate: { number: 'OLD-9', validFrom: '2019-01-01', validTo: '2026-03-09' } } : o,
    );
    const refusal = given(leadRegistered())
      .when(filing(['officer-li', 'officer-ma'], handlers), '2026-03-10', head)
      .thenRefused('OFFICER_CERTIFICATE_NOT_VALID');
    expect(refusal.message).toContain('立案日 2026-03-10');
    expect(refusal.message).toContain('OLD-9');
  });

  it('refuses handlers whose certificates were not attached, and a handler without an account', () => {
    given(leadRegistered())
      .when(filing(['officer-li', 'officer-zhao'], undefined), '2026-03-10', head)
      .thenRefused('OFFICER_CREDENTIALS_MISSING');
    given(leadRegistered())
      .when(filing(['officer-li', 'stranger'], certified('officer-li')), '2026-03-10', head)
      .thenRefused('OFFICER_UNKNOWN');
  });

  it('declining to file needs no handlers', () => {
    const events = given(leadRegistered())
      .when({ type: 'DecideFiling', decision: 'not_file', decidedOn: '2026-03-10', reason: '证据不足' }, '2026-03-10', head)
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['FilingDeclined', 'CaseClosed']);
  });

  it('replays a filing decided before handlers were designated as it was decided then (compat set by patched())', () => {
    const result = decidePenaltyCase(stateFrom(leadRegistered()), filing(undefined, undefined), {
      now: noonOn('2026-03-10'),
      actor: head,
      calendar,
      compat: { filingWithoutHandlers: true },
    });
    expect(isDomainError(result) ? result.code : result.map((e) => [e.type, 'handlers' in e.payload])).toEqual([['CaseFiled', false]]);
  });

  it('a designated handler who collected no evidence still may not host the hearing (行政处罚法 第六十四条)', () => {
    // officer-wu is designated at filing; the evidence is taken by officer-li and officer-zhao
    const notified = noticeServed(150_000).map((e) =>
      e.type === 'CaseFiled' ? { ...e, payload: { ...e.payload, handlers: [{ officerId: 'officer-wu', number: 'CERT-9' }] } } : e,
    );
    const requested = [
      ...notified,
      ...given(notified).when({ type: 'RequestHearing', requestedOn: '2026-04-15' }, '2026-04-15').thenEvents(),
    ];
    const hold = (hostId: string) =>
      given(requested).when({ type: 'HoldHearing', noticeServedOn: '2026-04-16', heldOn: '2026-05-06', hostId }, '2026-05-06');
    expect(hold('officer-wu').thenRefused('HEARING_HOST_INVESTIGATED').message).toContain('officer-wu');
    expect(
      hold('chief-sun')
        .thenEvents()
        .map((e) => e.type),
    ).toContain('HearingHeld');
  });
});
