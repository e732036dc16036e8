import { compareWithEventLog, type LoggedCase } from '@qts/read-model';

const logged = (entries: [string, number[]][]) =>
  new Map<string, LoggedCase>(entries.map(([id, seqs]) => [id, { caseType: 'penalty', seqs: new Set(seqs) }]));
const projected = (entries: [string, number[]][]) => new Map(entries.map(([id, seqs]) => [id, new Set(seqs)]));

describe('the read model compared with the event log', () => {
  it('given every logged event projected, when compared, then nothing is missing', () => {
    const result = compareWithEventLog({
      logged: logged([['PEN-1', [1, 2, 3]]]),
      projected: projected([['PEN-1', [1, 2, 3]]]),
      damaged: new Set(),
      temporalCases: new Map([['PEN-1', 'penalty']]),
    });
    expect(result).toEqual({ ok: true, missing: [], damagedInLog: 0, casesInLog: 1, eventsInLog: 3 });
  });

  it('given a logged event the read model lacks, when compared, then the case and the event are named', () => {
    const result = compareWithEventLog({
      logged: logged([['PEN-1', [1, 2, 3]]]),
      projected: projected([['PEN-1', [1, 3]]]),
      damaged: new Set(),
      temporalCases: new Map(),
    });
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual([{ caseId: 'PEN-1', caseType: 'penalty', seenIn: 'kafka', wholeCase: false, missingSeqs: [2] }]);
  });

  it('given a logged case absent from the read model, when compared, then the whole case is named with its events', () => {
    const result = compareWithEventLog({
      logged: logged([['PEN-2', [2, 1]]]),
      projected: projected([]),
      damaged: new Set(),
      temporalCases: new Map(),
    });
    expect(result.missing).toEqual([{ caseId: 'PEN-2', caseType: 'penalty', seenIn: 'kafka', wholeCase: true, missingSeqs: [1, 2] }]);
  });

  it('given the missing events recorded as damaged, when compared, then they count as damaged and not as missing', () => {
    const result = compareWithEventLog({
      logged: logged([['PEN-3', [1]]]),
      projected: projected([]),
      damaged: new Set(['PEN-3']),
      temporalCases: new Map([['PEN-3', 'penalty']]),
    });
    expect(result).toMatchObject({ ok: true, missing: [], damagedInLog: 1 });
  });

  it('given a workflow Temporal runs that neither the log nor the read model knows, when compared, then it is named', () => {
    const result = compareWithEventLog({
      logged: logged([]),
      projected: projected([['PEN-OLD', [1]]]),
      damaged: new Set(),
      temporalCases: new Map([
        ['PEN-SILENT', 'penalty'],
        // projected from events since removed from Kafka by retention: known to the read model, not missing
        ['PEN-OLD', 'penalty'],
      ]),
    });
    expect(result.missing).toEqual([{ caseId: 'PEN-SILENT', caseType: 'penalty', seenIn: 'temporal', wholeCase: true, missingSeqs: [] }]);
  });
});
