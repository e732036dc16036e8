import { directiveProcess, type DirectiveEvent, type EventEnvelope } from '@qts/domain';
import { projectEvent } from '@qts/read-model';
import { emergencyCommand, given, run, stateFrom, system } from '../../support/directive-fixtures';

/** The events as the projector receives them. */
function envelopes(events: DirectiveEvent[]): EventEnvelope[] {
  return events.map((e, i) => ({
    eventId: `SED-1:${i + 1}`,
    caseId: 'SED-1',
    caseType: 'directive',
    bureauId: 'district-test',
    seq: i + 1,
    type: e.type,
    schemaVersion: directiveProcess.events.schemaVersion,
    occurredAt: '2026-03-02T02:30:00.000Z',
    actor: { id: 'officer-hu', role: 'officer', name: '胡军' },
    payload: e.payload,
  }));
}

describe('the inspectors’ reminder of a written directive owed after an emergency order, as a notice', () => {
  const opened = run([{ command: emergencyCommand('2026-03-02'), on: '2026-03-02' }]);
  const due = stateFrom(opened).deadlines['written-directive'];
  if (!due?.inspectorReminderOn) throw new Error('no reminder date for the written directive');
  const reminded = given(opened).when({ type: 'Tick' }, due.inspectorReminderOn, system).thenEvents();

  it('is a notice to the two inspectors by name, with the bureau setting it rests on', () => {
    const all = envelopes([...opened, ...reminded]);
    let state: unknown = undefined;
    let last = null;
    for (const envelope of all) {
      last = projectEvent(directiveProcess.projection, state, envelope);
      state = last.state;
    }
    expect(reminded.map((e) => e.type)).toContain('InspectorReminded');
    expect(last?.notice).toMatchObject({
      recipientRole: 'officer',
      recipientIds: ['officer-hu', 'officer-zhu'],
      level: 'approaching',
      deadlineKind: 'written-directive',
      due: due.due,
      legalSource: due.legalSource,
    });
    expect(last?.notice?.legalSource).toMatch(/本局规定/);
  });

  it('goes out on the notices topic: the process names the event', () => {
    expect(directiveProcess.projection.noticeEvents).toEqual(['InspectorReminded']);
  });

  it('the other events of the case raise no notice', () => {
    let state: unknown = undefined;
    for (const envelope of envelopes(opened)) {
      const p = projectEvent(directiveProcess.projection, state, envelope);
      expect(p.notice).toBeNull();
      state = p.state;
    }
  });
});
