import { loadConfig } from '@qts/config';
import { TokenService } from '../../../apps/api/src/auth/token.service';

const OLD = `k1:${'a'.repeat(40)}`;
const NEW = `k2:${'b'.repeat(40)}`;
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    return (err as { code?: string }).code ?? 'no code';
  }
  return 'accepted';
};
const service = (keys: string) => new TokenService(loadConfig({ AUTH_JWT_KEYS: keys, BUREAU_ID: 'district-unit' }));

describe('access tokens', () => {
  it('round-trips the user and the session', () => {
    const tokens = service(NEW);
    expect(tokens.verify(tokens.sign({ userId: 'officer-li', sessionId: 's-1' }))).toEqual({ userId: 'officer-li', sessionId: 's-1' });
  });

  it('rotation: tokens signed with the previous key verify while it is still listed, and not after', () => {
    const signedWithOld = service(OLD).sign({ userId: 'officer-li', sessionId: 's-1' });
    expect(service(`${NEW},${OLD}`).verify(signedWithOld).userId).toBe('officer-li');
    expect(refusal(() => service(NEW).verify(signedWithOld))).toBe('TOKEN_INVALID');
  });

  it('a token for another bureau is refused', () => {
    const other = new TokenService(loadConfig({ AUTH_JWT_KEYS: NEW, BUREAU_ID: 'other-district' }));
    expect(refusal(() => service(NEW).verify(other.sign({ userId: 'x', sessionId: 's' })))).toBe('TOKEN_INVALID');
  });

  it('the API does not start without a signing key', () => {
    expect(() => new TokenService(loadConfig({}))).toThrow('AUTH_JWT_KEYS is not set');
  });
});
