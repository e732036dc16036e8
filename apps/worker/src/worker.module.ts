import { Module } from '@nestjs/common';
import { configProvider } from './config.provider';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({ providers: [configProvider, KafkaEnvelopePublisher, TemporalWorkerService] })
export class WorkerModule {}
