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
  @ApiOperation({ summary: 'Temporal, Kafka, PostgreSQL: each up or down (503 when any is down)' })
  @Answers(200, healthAnswer, [], { description: '全部可用（或 degraded）/ every service up (or degraded)' })
  // a service down is not an error of the request: the same report, with 503
  @ApiResponse({ status: 503, description: '有服务不可用 / a service is down', schema: openApiAnswerSchema(healthAnswer) })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
