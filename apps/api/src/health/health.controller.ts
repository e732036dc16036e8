import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public } from '../auth/permissions.decorator';
import { Answers } from '../openapi/answers';
import { openApiAnswerSchema } from '../openapi-schema';
import { healthAnswer, type HealthReport } from './answers';

@ApiTags('运行状态 health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary:
      '服务（Temporal、Kafka、PostgreSQL）与应用（工作进程、投影进程、API）状态；服务不可用时 503，应用停止或案件受损时 degraded / services and apps: 503 when a service is down; degraded (200) when the worker or projector is gone or cases are damaged',
  })
  @Answers(200, healthAnswer, [], { description: '服务可用（up 或 degraded）/ every service up (status up or degraded)' })
  // a service down is not an error of the request: the same report, with 503
  @ApiResponse({ status: 503, description: '有服务不可用 / a service is down', schema: openApiAnswerSchema(healthAnswer) })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'down' ? 503 : 200);
    return report;
  }
}
