import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public } from '../auth/permissions.decorator';

@ApiTags('运行状态 health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Temporal, Kafka, PostgreSQL: each up or down (503 when any is down)' })
  async get(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.check();
    res.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
