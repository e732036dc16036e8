import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import { ApiError } from '../errors/api-error';
import { Allow } from '../auth/permissions.decorator';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { myNoticePageAnswer, noticeAckAnswer } from './notice-answers';
import { NoticesService } from './notices.service';

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new ApiError(401, 'AUTH_REQUIRED', '请先登录 / sign in first');
  return req.principal;
}

const int = z.coerce.number().int().nonnegative();
const pageQuery = z.strictObject({ limit: int.optional(), offset: int.optional() });

/** The notices addressed to the signed-in person, with the case and the action needed; read once per recipient. */
@ApiTags('督办通知 notices')
@ApiBearerAuth()
@Controller('api/notices')
@Allow('cases.read')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('mine')
  @ApiOperation({
    summary:
      '发给我的督办通知：案件、名称、须办理的命令、是否已读 / notices addressed to me: the case, its title, the action needed, read or not',
  })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @Answers(200, myNoticePageAnswer, [...SIGNED_IN_ERRORS])
  async mine(
    @Query(new ZodValidationPipe(pageQuery)) q: z.infer<typeof pageQuery>,
    @Req() req: AuthenticatedRequest,
  ): Promise<z.output<typeof myNoticePageAnswer>> {
    return this.notices.mine(principalOf(req), q);
  }

  @Post(':eventId/ack')
  @HttpCode(200)
  @ApiOperation({ summary: '已读确认（每位收件人只记录一次）/ acknowledge a notice, recorded once per recipient' })
  @Answers(200, noticeAckAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404], {
    errors: {
      403: '通知不是发给您的 NOT_A_RECIPIENT / not addressed to you',
      404: '通知不存在 NOTICE_NOT_FOUND / no such notice',
    },
  })
  async ack(@Param('eventId') eventId: string, @Req() req: AuthenticatedRequest): Promise<z.output<typeof noticeAckAnswer>> {
    return this.notices.acknowledge(principalOf(req), eventId);
  }
}
