import { DEAD_LETTER_SUFFIX, loadConfig } from '@qts/config';
import { createKafka } from './create-kafka';
import { connectProducer } from './producer';
import { readDeadLetterTopic, replayDeadLetters } from './dead-letter-replay';

const USAGE = `usage:
  npm run dlq -- list <topic>               every dead letter of <topic> (e.g. payments.v1): position, reason, replayed or not
  npm run dlq -- replay <topic> [--dry-run] send the letters not yet replayed back to <topic>, once each`;

/** The dead-letter topic of a topic named without the deployment's prefix (payments.v1 → <prefix>payments.v1.dlq). */
function deadLetterTopic(prefix: string, name: string): string {
  const base = name.endsWith(DEAD_LETTER_SUFFIX) ? name.slice(0, -DEAD_LETTER_SUFFIX.length) : name;
  return `${base.startsWith(prefix) ? base : `${prefix}${base}`}${DEAD_LETTER_SUFFIX}`;
}

const excerpt = (value: Buffer | null) => {
  const text = value?.toString('utf8') ?? '(null)';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

async function main(): Promise<number> {
  const [command, name, ...flags] = process.argv.slice(2);
  if ((command !== 'list' && command !== 'replay') || !name) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const kafka = createKafka(config);
  const topic = deadLetterTopic(config.kafka.topicPrefix, name);
  if (command === 'list') {
    const entries = await readDeadLetterTopic(kafka, topic);
    for (const e of entries) {
      const at = `${e.message.partition}:${e.message.offset}`;
      console.log(
        `${at}\t${e.replayed ? '已重放 replayed' : '待处理 pending'}\t${e.info?.kind ?? '?'}\t${e.info?.reason ?? '(no reason header)'}\n\t${excerpt(e.message.value)}`,
      );
    }
    console.log(`${topic}: ${entries.length} dead letters, ${entries.filter((e) => !e.replayed).length} pending`);
    return 0;
  }
  const dryRun = flags.includes('--dry-run');
  const producer = await connectProducer(kafka);
  try {
    const report = await replayDeadLetters(kafka, producer, topic, { dryRun });
    for (const r of report.replayed) console.log(`${r.partition}:${r.offset} → ${r.to}\t(${r.reason})`);
    console.log(`${dryRun ? '将重放 would replay' : '已重放 replayed'} ${report.replayed.length} dead letters from ${topic}`);
    return 0;
  } finally {
    await producer.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
