import { ConfigError, loadConfig, topicNames } from '@qts/config';

describe('loadConfig', () => {
  it('gives the local defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'qts-cases' },
      kafka: { brokers: ['127.0.0.1:9092'], clientId: 'qts', topicPrefix: '' },
      database: { url: 'postgres://qts:qts@127.0.0.1:55432/qts', readModelSchema: 'read_model' },
      api: {
        port: 3000,
        host: '127.0.0.1',
        cookieSecure: 'auto',
        trustProxy: 'false',
        bodyLimitBytes: 262144,
        commandWaitSeconds: 15,
        projectionWaitSeconds: 10,
      },
      bureauId: 'district-demo',
      projector: { groupId: 'qts-projector', extraProjectionModules: [] },
      auth: {
        signingKeys: [],
        accessTokenTtlSeconds: 600,
        sessionTtlSeconds: 43200,
        login: { windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 },
      },
      audit: { logGraceSeconds: 120 },
      logLevel: 'info',
      noticeWebhooks: { urls: [], secret: null, maxAttempts: 8, timeoutMs: 5000, firstRetryMs: 2000 },
    });
  });

  it('reads the notice webhooks, refuses credentials in a URL, and a webhook without the signing secret', () => {
    const secret = 's'.repeat(16);
    expect(
      loadConfig({ NOTICE_WEBHOOKS: 'https://a.example/hook, http://127.0.0.1:9000/x', NOTICE_WEBHOOK_SECRET: secret }).noticeWebhooks,
    ).toMatchObject({ urls: ['https://a.example/hook', 'http://127.0.0.1:9000/x'], secret });
    expect(() => loadConfig({ NOTICE_WEBHOOKS: 'https://a.example/hook' })).toThrow(
      'NOTICE_WEBHOOK_SECRET: required when NOTICE_WEBHOOKS is set',
    );
    expect(() => loadConfig({ NOTICE_WEBHOOKS: 'https://u:p@a.example/hook', NOTICE_WEBHOOK_SECRET: secret })).toThrow('NOTICE_WEBHOOKS');
    expect(() => loadConfig({ NOTICE_WEBHOOKS: 'ftp://a.example/x', NOTICE_WEBHOOK_SECRET: secret })).toThrow('NOTICE_WEBHOOKS');
    expect(() => loadConfig({ NOTICE_WEBHOOKS: 'https://a.example/hook', NOTICE_WEBHOOK_SECRET: 'short' })).toThrow(
      'NOTICE_WEBHOOK_SECRET: must be at least 16 characters',
    );
  });

  it('reads token signing keys in rotation order and refuses weak or malformed ones', () => {
    const strong = 'x'.repeat(32);
    expect(loadConfig({ AUTH_JWT_KEYS: `k2:${strong}, k1:${strong}y` }).auth.signingKeys).toEqual([
      { kid: 'k2', secret: strong },
      { kid: 'k1', secret: `${strong}y` },
    ]);
    expect(() => loadConfig({ AUTH_JWT_KEYS: 'k1:short' })).toThrow('AUTH_JWT_KEYS: each secret must be at least 32 bytes');
    expect(() => loadConfig({ AUTH_JWT_KEYS: strong })).toThrow('AUTH_JWT_KEYS: expected kid:secret pairs');
    expect(() => loadConfig({ AUTH_JWT_KEYS: `a:${strong},a:${strong}` })).toThrow('AUTH_JWT_KEYS: key ids must be distinct');
    expect(() => loadConfig({ AUTH_ACCESS_TOKEN_TTL_SECONDS: '0' })).toThrow(
      'AUTH_ACCESS_TOKEN_TTL_SECONDS: expected a positive whole number',
    );
  });

  it('reads every variable and returns a deeply frozen object', () => {
    const config = loadConfig({
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      API_PORT: '8080',
      READ_MODEL_SCHEMA: 'rm_city',
      KAFKA_TOPIC_PREFIX: 'test-1.',
      PROJECTOR_EXTRA_PROJECTIONS: '/opt/a.js,/opt/b.js',
      LOG_LEVEL: 'debug',
    });
    expect(config.kafka.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.api.port).toBe(8080);
    expect(config.projector.extraProjectionModules).toEqual(['/opt/a.js', '/opt/b.js']);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.kafka.brokers)).toBe(true);
    expect(() => {
      (config.kafka as { clientId: string }).clientId = 'changed';
    }).toThrow(TypeError);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'localhost' })).toThrow(
      new ConfigError('Invalid environment: KAFKA_BROKERS: expected host:port list'),
    );
  });

  it('names every wrong variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        API_PORT: '70000',
        DATABASE_URL: 'mysql://x/y',
        READ_MODEL_SCHEMA: 'Read-Model',
        LOG_LEVEL: 'loud',
        BUREAU_ID: '',
        PROJECTOR_EXTRA_PROJECTIONS: 'relative.js',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid environment: /);
    for (const name of ['API_PORT', 'DATABASE_URL', 'READ_MODEL_SCHEMA', 'LOG_LEVEL', 'BUREAU_ID', 'PROJECTOR_EXTRA_PROJECTIONS'])
      expect(message).toContain(`${name}: `);
  });
});

describe('topicNames', () => {
  it('puts the prefix in front of every topic', () => {
    expect(topicNames(loadConfig({ KAFKA_TOPIC_PREFIX: 'run-7.' }))).toEqual({
      caseEvents: 'run-7.cases.events.v1',
      caseEventsDlq: 'run-7.cases.events.v1.dlq',
      payments: 'run-7.payments.v1',
      paymentsDlq: 'run-7.payments.v1.dlq',
      notices: 'run-7.notices.v1',
      escalationsOutbound: 'run-7.escalations.outbound.v1',
      escalationsInbound: 'run-7.escalations.inbound.v1',
      escalationsInboundDlq: 'run-7.escalations.inbound.v1.dlq',
      recallsInbound: 'run-7.recalls.inbound.v1',
      recallsInboundDlq: 'run-7.recalls.inbound.v1.dlq',
      recallsOutbound: 'run-7.recalls.outbound.v1',
    });
  });
});
