import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { appConfigProvider as configProvider } from '@qts/nest-support';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { PgPool } from '@qts/nest-support';
import { TemporalConnection } from './temporal/temporal.providers';
import { KafkaAccess } from './kafka/kafka-access';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { CalendarRolloutsController } from './calendar/calendar-rollouts.controller';
import { CalendarRolloutsService } from './calendar/calendar-rollouts.service';
import { CalendarRolloutStore } from './calendar/calendar-rollout-store';
import { CalendarBatch } from './calendar/calendar-batch';
import { PaymentsConsumer } from './inbound/payments.consumer';
import { AccidentReportsConsumer } from './inbound/accident-reports.consumer';
import { CasesController } from './cases/cases.controller';
import { ReadModelService } from './cases/read-model.service';
import { ProjectionWaiter } from './cases/projection-waiter';
import { ReadAccess } from './cases/read-access.service';
import { AuditController } from './audit/audit.controller';
import { EventLogAudit } from './audit/event-log-audit';
import { AppHealth } from './health/app-health';
import { RefusalLog } from './audit/refusal-log.service';
import { ReferenceTables } from './db/reference-tables';
import { CaseProcessGateway } from './temporal/case-process-gateway';
import { EscalationsController } from './escalation/escalations.controller';
import { DirectivesController } from './directive/directives.controller';
import { RecallsController } from './recall/recalls.controller';
import { AccidentsController } from './accident/accidents.controller';
import { NoticeDeliveriesController } from './notices/notice-deliveries.controller';
import { DeliveryStore } from './notices/delivery-store';
import { NoticeWebhooks } from './notices/notice-webhooks.service';
import { PROCESS_CONTROLLERS } from './processes/process-controllers';
import { ProcessCommandsService } from './processes/process-commands.service';
import { ProcessesController } from './processes/processes.controller';
import { PolicyController } from './policy/provisions.controller';
import { EscalationResponsesConsumer } from './escalation/escalation-responses.consumer';
import { RecallProducerConsumer } from './recall/recall-producer.consumer';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './auth/users.controller';
import { AssignmentsController } from './auth/assignments.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthorizationGuard } from './auth/authorization.guard';
import { IdentityProvider } from './auth/identity.provider';
import { TokenService } from './auth/token.service';
import { CaseDirectory } from './auth/case-directory';
import { DeskController } from './desk/desk.controller';
import { DeskService } from './desk/desk.service';
import { InboxService } from './desk/inbox.service';
import { WorkflowHealth } from './desk/workflow-health';
import { NoticesController } from './desk/notices.controller';
import { NoticesService } from './desk/notices.service';

@Module({
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    AssignmentsController,
    CasesController,
    DeskController,
    NoticesController,
    CalendarController,
    CalendarRolloutsController,
    AuditController,
    EscalationsController,
    DirectivesController,
    RecallsController,
    AccidentsController,
    NoticeDeliveriesController,
    ProcessesController,
    PolicyController,
    // POST /api/{route} and /api/{route}/:id/commands for every registered process
    ...PROCESS_CONTROLLERS,
  ],
  providers: [
    EventLogAudit,
    AppHealth,
    configProvider,
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    // authentication first, then authorisation (guards run in this order)
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    IdentityProvider,
    TokenService,
    CaseDirectory,
    PgPool,
    TemporalConnection,
    KafkaAccess,
    HealthService,
    CalendarService,
    CalendarRolloutStore,
    CalendarBatch,
    CalendarRolloutsService,
    PaymentsConsumer,
    AccidentReportsConsumer,
    DeliveryStore,
    NoticeWebhooks,
    ReadModelService,
    ProjectionWaiter,
    ReadAccess,
    DeskService,
    InboxService,
    WorkflowHealth,
    NoticesService,
    RefusalLog,
    ReferenceTables,
    CaseProcessGateway,
    ProcessCommandsService,
    EscalationResponsesConsumer,
    RecallProducerConsumer,
  ],
})
/** Correlation ids and security headers are set in main.ts, before the body parser (see security-headers.ts). */
export class AppModule {}
