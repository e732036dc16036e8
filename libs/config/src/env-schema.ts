import { z } from 'zod';

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const TOPIC_PREFIX = /^[A-Za-z0-9._-]*$/;

/** A string that must not be empty when set; unset takes the local default. */
const text = (fallback: string) => z.string().min(1, 'must not be empty').default(fallback);

const hostPort = (fallback: string) => z.string().regex(HOST_PORT, 'expected host:port').default(fallback);

const hostPortList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').map((part) => part.trim()))
    .refine((parts) => parts.length > 0 && parts.every((p) => HOST_PORT.test(p)), 'expected host:port list');

const port = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((s) => /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, 'expected a port number 1-65535')
    .transform(Number);

const postgresUrl = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((s) => {
      try {
        const url = new URL(s);
        return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'expected a postgres://user:password@host:port/database URL');

const absolutePathList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  )
  .refine((paths) => paths.every((p) => p.startsWith('/')), 'expected a comma-separated list of absolute paths');

const positiveInt = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((s) => /^\d{1,9}$/.test(s) && Number(s) > 0, 'expected a positive whole number')
    .transform(Number);

/** `https://a.example/hook,http://127.0.0.1:9000/x`: where every notice is also delivered (empty: nowhere). */
const webhookUrls = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  )
  .refine(
    (urls) =>
      urls.every((u) => {
        try {
          const url = new URL(u);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
        } catch {
          return false;
        }
      }),
    'expected a comma-separated list of http(s) URLs without credentials',
  );

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `kid:secret,kid:secret`: the first key signs, every listed key verifies (rotation: prepend the new key, drop the old later). */
const signingKeys = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const at = p.indexOf(':');
        return { kid: at < 0 ? '' : p.slice(0, at), secret: at < 0 ? p : p.slice(at + 1) };
      }),
  )
  .refine((keys) => keys.every((k) => KEY_ID.test(k.kid)), 'expected kid:secret pairs, kid of letters, digits, "_" or "-"')
  .refine((keys) => keys.every((k) => Buffer.byteLength(k.secret) >= 32), 'each secret must be at least 32 bytes')
  .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, 'key ids must be distinct');

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every variable the services read, with its local default. Unknown variables are ignored. */
export const envSchema = z.object({
  TEMPORAL_ADDRESS: hostPort('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: text('default'),
  TEMPORAL_TASK_QUEUE: text('qts-cases'),
  KAFKA_BROKERS: hostPortList('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: text('qts'),
  KAFKA_TOPIC_PREFIX: z.string().regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"').default(''),
  DATABASE_URL: postgresUrl('postgres://qts:qts@127.0.0.1:55432/qts'),
  READ_MODEL_SCHEMA: z.string().regex(SQL_IDENTIFIER, 'expected a lower-case SQL identifier (a-z, 0-9, _)').default('read_model'),
  API_PORT: port('3000'),
  /** 127.0.0.1 by default: set 0.0.0.0 (or an interface address) behind a reverse proxy */
  API_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or IP address')
    .default('127.0.0.1'),
  /**
   * the refresh cookie's Secure flag: `auto` when the request came over TLS (directly, or through a proxy Express
   * trusts, API_TRUST_PROXY), `always` behind a TLS-terminating proxy that does not say so
   */
  API_COOKIE_SECURE: z.enum(['auto', 'always'], { error: 'expected auto or always' }).default('auto'),
  /** Express's trust proxy setting for X-Forwarded-For/-Proto: `false` (none, the default), `loopback`, or a hop count */
  API_TRUST_PROXY: z
    .string()
    .regex(/^(false|loopback|\d{1,2})$/, 'expected false, loopback or a number of hops')
    .default('false'),
  /** the largest request body the API reads, in bytes; larger ones answer 413 */
  API_BODY_LIMIT_BYTES: positiveInt('262144'),
  /** how long a command waits for its workflow (worker down, Temporal slow) before the answer is 503 + Retry-After */
  API_COMMAND_WAIT_SECONDS: positiveInt('15'),
  /** how long `GET /api/cases/:id?untilSeq=` waits for the read model to show that event before answering what it has */
  API_PROJECTION_WAIT_SECONDS: positiveInt('10'),
  BUREAU_ID: text('district-demo'),
  PROJECTOR_GROUP_ID: text('qts-projector'),
  /** modules whose `projections` export adds case projections to the registry (plug-in processes, tests) */
  PROJECTOR_EXTRA_PROJECTIONS: absolutePathList,
  AUTH_JWT_KEYS: signingKeys,
  AUTH_ACCESS_TOKEN_TTL_SECONDS: positiveInt('600'),
  AUTH_SESSION_TTL_SECONDS: positiveInt('43200'),
  AUTH_LOGIN_WINDOW_SECONDS: positiveInt('900'),
  AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt('5'),
  AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt('20'),
  /** notices also go to these webhooks, signed with NOTICE_WEBHOOK_SECRET (HMAC-SHA256), retried with back-off */
  NOTICE_WEBHOOKS: webhookUrls,
  NOTICE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** attempts per notice and webhook before the delivery is marked failed (visible at GET /api/notices/deliveries) */
  NOTICE_WEBHOOK_MAX_ATTEMPTS: positiveInt('8'),
  NOTICE_WEBHOOK_TIMEOUT_MS: positiveInt('5000'),
  /** the first retry waits this long, each next one twice as long, at most 10 minutes */
  NOTICE_WEBHOOK_FIRST_RETRY_MS: positiveInt('2000'),
  /** audit verification: a workflow started less than this long ago may not have published its first event yet */
  AUDIT_LOG_GRACE_SECONDS: positiveInt('120'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});
