import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import type { LogLevel } from '@qts/config';

/** kafkajs is chatty: keep its own logs at warn unless the service itself is being debugged. */
export function kafkaLogLevel(level: LogLevel): KafkaLogLevel {
  switch (level) {
    case 'error':
      return KafkaLogLevel.ERROR;
    case 'warn':
    case 'info':
      return KafkaLogLevel.WARN;
    case 'debug':
      return KafkaLogLevel.INFO;
  }
}

const LABELS: Record<number, string> = {
  [KafkaLogLevel.ERROR]: 'ERROR',
  [KafkaLogLevel.WARN]: 'WARN',
  [KafkaLogLevel.INFO]: 'INFO',
  [KafkaLogLevel.DEBUG]: 'DEBUG',
};

/**
 * One line per entry on stderr. kafkajs logs every error response of the protocol at ERROR (namespace
 * Connection, "Response ...": topic already exists, coordinator loading...) although it retries them or
 * throws them to the caller; those lines are dropped unless the service runs at debug.
 */
export function createLogCreator(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): logCreator {
  return () =>
    ({ namespace, level: entryLevel, log }) => {
      const { message, timestamp, ...rest } = log;
      const extra = Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'logger'));
      if (level !== 'debug' && namespace === 'Connection' && String(message).startsWith('Response ')) return;
      const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      write(`${timestamp} ${LABELS[entryLevel] ?? entryLevel} [kafkajs] ${namespace}: ${String(message)}${details}`);
    };
}
