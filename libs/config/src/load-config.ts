import type { z } from 'zod';
import { envSchema, type LogLevel } from './env-schema';

export interface AppConfig {
  readonly temporal: { readonly address: string; readonly namespace: string; readonly taskQueue: string };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string; readonly topicPrefix: string };
  readonly database: { readonly url: string; readonly readModelSchema: string };
  readonly api: {
    readonly port: number;
    readonly host: string;
    readonly cookieSecure: 'auto' | 'always';
    readonly trustProxy: string;
    readonly bodyLimitBytes: number;
    /** a command waits at most this long for its workflow, then answers 503 with Retry-After */
    readonly commandWaitSeconds: number;
    readonly projectionWaitSeconds: number;
  };
  /** the organisation unit this deployment serves */
  readonly bureauId: string;
  readonly projector: { readonly groupId: string; readonly extraProjectionModules: readonly string[] };
  readonly auth: AuthConfig;
  /** audit verification compares the read model with Temporal for workflows started at least this long ago */
  readonly audit: { readonly logGraceSeconds: number };
  readonly logLevel: LogLevel;
  /** where notices are delivered besides the notices topic */
  readonly noticeWebhooks: {
    readonly urls: readonly string[];
    /** HMAC-SHA256 key of the X-QTS-Signature header; set whenever urls are */
    readonly secret: string | null;
    readonly maxAttempts: number;
    readonly timeoutMs: number;
    readonly firstRetryMs: number;
  };
}

export interface AuthConfig {
  /** HS256 keys; the first signs. Empty outside the API (only the API issues and checks tokens). */
  readonly signingKeys: readonly { readonly kid: string; readonly secret: string }[];
  readonly accessTokenTtlSeconds: number;
  /** a session (and its refresh token) ends this long after sign-in, however often it is refreshed */
  readonly sessionTtlSeconds: number;
  readonly login: { readonly windowSeconds: number; readonly maxFailuresPerAccount: number; readonly maxFailuresPerAddress: number };
}

/** A bad environment: the message names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Parses the environment into a typed, frozen config; call it once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment: ${describe(parsed.error)}`);
  if (parsed.data.NOTICE_WEBHOOKS.length > 0 && parsed.data.NOTICE_WEBHOOK_SECRET === undefined)
    throw new ConfigError('Invalid environment: NOTICE_WEBHOOK_SECRET: required when NOTICE_WEBHOOKS is set (the deliveries are signed)');
  const e = parsed.data;
  return deepFreeze({
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    kafka: { brokers: e.KAFKA_BROKERS, clientId: e.KAFKA_CLIENT_ID, topicPrefix: e.KAFKA_TOPIC_PREFIX },
    database: { url: e.DATABASE_URL, readModelSchema: e.READ_MODEL_SCHEMA },
    api: {
      port: e.API_PORT,
      host: e.API_HOST,
      cookieSecure: e.API_COOKIE_SECURE,
      trustProxy: e.API_TRUST_PROXY,
      bodyLimitBytes: e.API_BODY_LIMIT_BYTES,
      commandWaitSeconds: e.API_COMMAND_WAIT_SECONDS,
      projectionWaitSeconds: e.API_PROJECTION_WAIT_SECONDS,
    },
    bureauId: e.BUREAU_ID,
    projector: { groupId: e.PROJECTOR_GROUP_ID, extraProjectionModules: e.PROJECTOR_EXTRA_PROJECTIONS },
    auth: {
      signingKeys: e.AUTH_JWT_KEYS,
      accessTokenTtlSeconds: e.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: e.AUTH_SESSION_TTL_SECONDS,
      login: {
        windowSeconds: e.AUTH_LOGIN_WINDOW_SECONDS,
        maxFailuresPerAccount: e.AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerAddress: e.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS,
      },
    },
    audit: { logGraceSeconds: e.AUDIT_LOG_GRACE_SECONDS },
    logLevel: e.LOG_LEVEL,
    noticeWebhooks: {
      urls: e.NOTICE_WEBHOOKS,
      secret: e.NOTICE_WEBHOOK_SECRET ?? null,
      maxAttempts: e.NOTICE_WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: e.NOTICE_WEBHOOK_TIMEOUT_MS,
      firstRetryMs: e.NOTICE_WEBHOOK_FIRST_RETRY_MS,
    },
  });
}
