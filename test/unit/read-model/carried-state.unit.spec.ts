import { caseProjections, type EventEnvelope } from '@qts/domain';
import { carriedState, jsonbRoundTrip } from '@qts/read-model';
import { fixtureHistories } from '../../support/moves-fixtures';

/** A value's exact shape: keys in enumeration order, -0 told from 0, holes from undefined. */
function shape(value: unknown): unknown {
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return ['array', Array.from({ length: value.length }, (_, i) => (i in value ? shape(value[i]) : 'hole'))];
  return ['object', Object.getPrototypeOf(value) === Object.prototype, Object.entries(value).map(([k, v]) => [k, shape(v)])];
}

class Money {
  constructor(readonly fen: number) {}
}

const tricky: Record<string, unknown> = {
  'keys out of jsonb order, undefined dropped': {
    zeta: 1,
    a: { é: true, e: [{ bb: 1, a: undefined, ab: 2 }], '10': 'n', '9': 'm' },
    gone: undefined,
  },
  'dates, a class instance, a toJSON': {
    when: new Date(Date.UTC(2026, 0, 2)),
    money: new Money(5),
    own: { toJSON: (key: string) => `k=${key}` },
  },
  'numbers JSON cannot hold': { negativeZero: -0, nan: NaN, inf: -Infinity, list: [-0, NaN, undefined, () => 1, Symbol('s')] },
  // eslint-disable-next-line no-sparse-arrays
  'holes, nesting, non-ASCII keys': { 中文: '案件', deep: [[{ b: 1, a: [, 2] }]], aa: 'x', b: null },
  'no prototype': Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
  'a key named __proto__': JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown,
  'a top-level undefined': undefined,
  'a top-level string': '案',
};

describe('a state carried to the next event of a batch', () => {
  it.each(Object.entries(tricky))('is what reading it back from jsonb gives: %s', (_, value) => {
    expect(shape(carriedState(value))).toEqual(shape(jsonbRoundTrip(value)));
  });

  it('keeps the parts a new state shares with the previous carried one at the same place, frozen, and copies the rest', () => {
    const first = carriedState({ policy: { rules: [{ b: 1, a: 2 }] }, stage: 'lead' }) as { policy: object; stage: string };
    const next = carriedState({ ...first, stage: 'filed', filedOn: '2026-03-02' }, first) as { policy: object };
    expect(next.policy).toBe(first.policy);
    expect(Object.isFrozen(next) && Object.isFrozen(next.policy)).toBe(true);
    const moved = carriedState({ moved: first.policy }, first) as { moved: object };
    expect(moved.moved).not.toBe(first.policy);
    expect(shape(moved.moved)).toEqual(shape(first.policy));
    expect(shape(next)).toEqual(shape(jsonbRoundTrip({ ...(jsonbRoundTrip(first) as object), stage: 'filed', filedOn: '2026-03-02' })));
    expect(() => {
      (next.policy as { rules: unknown }).rules = [];
    }).toThrow(TypeError);
  });

  it.each(Object.entries(fixtureHistories()))(
    'evolves a %s case into the same states and views as the jsonb round trip, its projection never changing a frozen state',
    (caseType, histories) => {
      const projection = caseProjections[caseType]!;
      expect(projection.readonlyState).toBe(true);
      for (const events of histories) {
        let viaText: unknown = projection.initialState();
        let carried: unknown = carriedState(projection.initialState());
        events.forEach((event, i) => {
          const envelope = {
            eventId: `E-${i}`,
            caseId: 'C-1',
            caseType,
            bureauId: 'district-demo',
            seq: i + 1,
            type: event.type,
            schemaVersion: 1,
            occurredAt: new Date(Date.UTC(2026, 2, 2) + i * 3_600_000).toISOString(),
            actor: { id: 'officer-li', role: 'officer' },
            payload: JSON.parse(JSON.stringify((event as { payload?: unknown }).payload ?? {})) as Record<string, unknown>,
          } as EventEnvelope;
          viaText = jsonbRoundTrip(projection.evolve(viaText, envelope));
          const next = projection.evolve(carried, envelope);
          expect(projection.view(next)).toEqual(projection.view(viaText));
          carried = carriedState(next, carried);
          expect(shape(carried)).toEqual(shape(viaText));
        });
      }
    },
  );
});
