import { Module } from '@nestjs/common';
import { appConfigProvider as configProvider } from '@qts/nest-support';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({ providers: [configProvider, KafkaEnvelopePublisher, TemporalWorkerService] })
export class WorkerModule {}
