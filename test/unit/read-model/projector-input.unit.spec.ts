import { PermanentError, isPermanentError } from '@qts/kafka';
import { PENALTY_CASE_TYPE } from '@qts/domain';
import { parseEnvelope } from '../../../apps/projector/src/parse-envelope';
import { UsageError, generatedSchemaName, parseRebuildArgs } from '../../../apps/projector/src/rebuild/args';

const envelope = {
  eventId: 'PEN-1:1',
  caseId: 'PEN-1',
  caseType: PENALTY_CASE_TYPE,
  bureauId: 'district-demo',
  seq: 1,
  type: 'PenaltyCaseOpened',
  schemaVersion: 1,
  occurredAt: '2025-03-03T01:00:00.000Z',
  actor: { id: 'officer-1', role: 'officer' },
  payload: {},
};

const message = (key: string | null, value: unknown) => ({
  key,
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isPermanentError(err)).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseEnvelope (the projector input)', () => {
  it('reads an envelope keyed by its caseId', () => {
    expect(parseEnvelope(message('PEN-1', envelope))).toEqual(envelope);
  });

  it('refuses, as bad input, what can never be applied', () => {
    expect(refusal(() => parseEnvelope(message('PEN-1', null)))).toMatch(/empty message/);
    expect(refusal(() => parseEnvelope(message('PEN-1', '{oops')))).toMatch(/^not JSON: /);
    expect(refusal(() => parseEnvelope(message('PEN-1', { ...envelope, seq: 0 })))).toMatch(/seq/);
    expect(refusal(() => parseEnvelope(message('PEN-1', { ...envelope, eventId: 'PEN-1:7' })))).toBe(
      'eventId "PEN-1:7" should be "PEN-1:1"',
    );
    expect(refusal(() => parseEnvelope(message('PEN-2', envelope)))).toMatch(/message key "PEN-2" should be the caseId/);
    expect(() => parseEnvelope(message(null, envelope))).toThrow(PermanentError);
  });
});

describe('rebuild arguments', () => {
  it('reads --schema, --compare and --json', () => {
    expect(parseRebuildArgs(['--schema', 'rm_new', '--compare', 'read_model', '--json'])).toEqual({
      schema: 'rm_new',
      compare: 'read_model',
      json: true,
    });
    expect(parseRebuildArgs([])).toEqual({ schema: undefined, compare: undefined, json: false });
  });

  it('refuses unknown options, bad names and a schema compared with itself', () => {
    expect(() => parseRebuildArgs(['--force'])).toThrow(UsageError);
    expect(() => parseRebuildArgs(['--schema', 'Bad-Name'])).toThrow(UsageError);
    expect(() => parseRebuildArgs(['--schema', 'rm', '--compare', 'rm'])).toThrow(UsageError);
  });

  it('generates a fresh, sortable schema name', () => {
    expect(generatedSchemaName('read_model', new Date(Date.UTC(2025, 2, 1, 8, 15, 0)))).toBe('read_model_rebuild_20250301t081500');
  });
});
