import type { z } from 'zod';
import { envSchema, type LogLevel } from './env-schema';

export interface AppConfig {
  readonly temporal: { readonly address: string; readonly namespace: string; readonly taskQueue: string };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string; readonly topicPrefix: string };
  readonly database: { readonly url: string; readonly readModelSchema: string };
  readonly api: { readonly port: number };
  /** the organisation unit this deployment serves */
  readonly bureauId: string;
  readonly projector: { readonly groupId: string; readonly extraProjectionModules: readonly string[] };
  readonly logLevel: LogLevel;
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
  const e = parsed.data;
  return deepFreeze({
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    kafka: { brokers: e.KAFKA_BROKERS, clientId: e.KAFKA_CLIENT_ID, topicPrefix: e.KAFKA_TOPIC_PREFIX },
    database: { url: e.DATABASE_URL, readModelSchema: e.READ_MODEL_SCHEMA },
    api: { port: e.API_PORT },
    bureauId: e.BUREAU_ID,
    projector: { groupId: e.PROJECTOR_GROUP_ID, extraProjectionModules: e.PROJECTOR_EXTRA_PROJECTIONS },
    logLevel: e.LOG_LEVEL,
  });
}
