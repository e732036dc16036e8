import { retryDelayMs, signDelivery, verifyDelivery } from '../../../apps/api/src/notices/webhook-signature';

describe('notice webhook signatures and retries', () => {
  const secret = 'test-webhook-secret-0123456789';

  it('signs the timestamp and the exact body; a changed byte, timestamp or key fails verification', () => {
    const body = JSON.stringify({ noticeId: 'C-1:3', message: '请科长督办' });
    const signature = signDelivery(secret, '1764835200', body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyDelivery(secret, '1764835200', body, signature)).toBe(true);
    expect(verifyDelivery(secret, '1764835201', body, signature)).toBe(false);
    expect(verifyDelivery(secret, '1764835200', body.replace('督办', '督查'), signature)).toBe(false);
    expect(verifyDelivery(`${secret}x`, '1764835200', body, signature)).toBe(false);
    expect(verifyDelivery(secret, '1764835200', body, 'sha256=00')).toBe(false);
  });

  it('waits twice as long after each failed attempt, at most ten minutes', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(2000, a))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(2000, 30)).toBe(600_000);
  });
});
