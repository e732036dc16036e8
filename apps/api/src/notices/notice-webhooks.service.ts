import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import { PermanentError } from '@qts/kafka';
import { APP_CONFIG, PgPool } from '@qts/nest-support';
import { KafkaAccess } from '../kafka/kafka-access';
import { parseJsonValue, startInboundConsumer } from '../kafka/inbound-consumer';
import { DeliveryStore, type Delivery } from './delivery-store';
import { noticeMessageSchema, webhookBodyOf } from './notice-webhook-body';
import { retryDelayMs, signDelivery } from './webhook-signature';

const POLL_MS = 1000;
const BATCH = 20;

/**
 * notices.v1 → the configured webhooks (NOTICE_WEBHOOKS). The consumer only queues (never waits on a webhook); a sender
 * loop posts each queued delivery signed (X-QTS-Signature: HMAC-SHA256 of "<timestamp>.<body>", X-QTS-Timestamp,
 * X-QTS-Notice-Id for the receiver to dedupe), retries a failure with doubling waits, and after the last attempt marks
 * it failed: GET /api/notices/deliveries shows it. A delivered notice is never sent to that webhook again.
 */
@Injectable()
export class NoticeWebhooks implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeWebhooks.name);
  private running: { stop(): Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly store: DeliveryStore,
    private readonly db: PgPool,
  ) {}

  private get settings() {
    return this.config.noticeWebhooks;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.urls.length === 0) return;
    const topics = topicNames(this.config);
    const cases = `"${this.config.database.readModelSchema}".cases`;
    this.running = await startInboundConsumer(this.kafka.kafka, {
      topic: topics.notices,
      topics: [`${topics.notices}.dlq`],
      groupId: `${this.config.kafka.topicPrefix}qts-notice-webhooks`,
      logger: this.logger,
      handle: async (message) => {
        const parsed = noticeMessageSchema.safeParse(parseJsonValue(message.value));
        if (!parsed.success)
          throw new PermanentError(`not a notice: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        const { rows } = await this.db.pool.query<{ title: string; section: string }>(
          `SELECT title, section FROM ${cases} WHERE case_id = $1`,
          [parsed.data.caseId],
        );
        const body = webhookBodyOf(parsed.data, rows[0]);
        await this.store.enqueue(body.noticeId, body.caseId, JSON.stringify(body), this.settings.urls);
        this.kick();
      },
    });
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.stop();
    await this.sending;
  }

  /** One sender pass at a time per instance; others instances' passes skip what this one holds. */
  private kick(): void {
    if (this.sending) return;
    this.sending = this.sendDue()
      .catch((err: unknown) => this.logger.warn(`notice delivery pass failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => (this.sending = undefined));
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const due = await this.store.claimDue(BATCH, this.settings.timeoutMs * 2);
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.attempt(d)));
    }
  }

  private async attempt(d: Delivery): Promise<void> {
    const secret = this.settings.secret;
    if (!secret) return;
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string;
    try {
      const res = await fetch(d.webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-qts-notice-id': d.eventId,
          'x-qts-timestamp': timestamp,
          'x-qts-signature': signDelivery(secret, timestamp, d.body),
        },
        body: d.body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return await this.store.delivered(d, res.status);
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const attempt = d.attempts + 1;
    const last = attempt >= this.settings.maxAttempts;
    await this.store.attemptFailed(d, error, status, last ? null : retryDelayMs(this.settings.firstRetryMs, attempt));
    this.logger.warn(`notice ${d.eventId} to ${d.webhook}: attempt ${attempt} failed (${error})${last ? ', giving up' : ''}`);
  }
}
