import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { penaltyProvisions } from '@qts/domain';
import { Allow } from '../auth/permissions.decorator';
import { Answers, SIGNED_IN_ERRORS } from '../openapi/answers';
import { penaltyProvisionsAnswer } from './answers';

/** The law as data, for forms that cite it: a penalty decision names a provision from this list (not a slug typed in). */
@ApiTags('法律依据 policy')
@ApiBearerAuth()
@Controller('api/policy')
export class PolicyController {
  @Get('penalty-provisions')
  @Allow('account.self')
  @ApiOperation({
    summary: '处罚依据：条款、罚款幅度（各版本及生效日期）与法律原文 / penalty provisions with their fine ranges, versions and sources',
  })
  @Answers(200, penaltyProvisionsAnswer, SIGNED_IN_ERRORS)
  penaltyProvisions(): z.output<typeof penaltyProvisionsAnswer> {
    return Object.entries(penaltyProvisions).map(([provisionId, p]) => ({
      provisionId,
      titleZh: p.titleZh,
      descriptionZh: p.descriptionZh,
      descriptionEn: p.descriptionEn,
      versions: p.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, range: v.value, source: v.source })),
    }));
  }
}
