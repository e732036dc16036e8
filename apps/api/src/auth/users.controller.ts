import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import type { z } from 'zod';
import type { Actor } from '@qts/domain';
import {
  certificateChangeSchema,
  newUserSchema,
  passwordChangeSchema,
  reasonSchema,
  rolesChangeSchema,
  type NewUser,
  type RolesChange,
  type UserRecord,
} from '@qts/identity';
import { CurrentActor } from '../actor/actor.decorator';
import { openApiSchema } from '../openapi-schema';
import { ApiError } from '../errors/api-error';
import { IdentityProvider, answering } from './identity.provider';
import { Allow } from './permissions.decorator';

/** Accounts, managed by administrators. Every change is in the identity audit log. */
@ApiTags('账户 users')
@Controller('api/users')
@Allow('users.manage')
export class UsersController {
  constructor(private readonly identity: IdentityProvider) {}

  @Get()
  @ApiOperation({ summary: '账户列表 / list accounts' })
  list(): Promise<UserRecord[]> {
    return this.identity.users.list();
  }

  @Get(':userId')
  @ApiOperation({ summary: '一个账户 / one account' })
  async get(@Param('userId') userId: string): Promise<UserRecord> {
    const user = await this.identity.users.get(userId);
    if (!user) throw new ApiError(404, 'USER_NOT_FOUND', `没有账号 ${userId} / no user ${userId}`);
    return user;
  }

  @Post()
  @ApiOperation({ summary: '创建账户（科室、角色、执法证）/ create an account: section, roles, enforcement certificate' })
  @ApiBody({ schema: openApiSchema(newUserSchema) })
  create(@Body(new ZodValidationPipe(newUserSchema)) body: NewUser, @CurrentActor() actor: Actor): Promise<UserRecord> {
    return answering(this.identity.users.create(body, actor.id));
  }

  @Put(':userId/roles')
  @ApiOperation({ summary: '调整角色和科室（立即生效）/ change roles and section; takes effect on the next request' })
  @ApiBody({ schema: openApiSchema(rolesChangeSchema) })
  roles(@Param('userId') userId: string, @Body(new ZodValidationPipe(rolesChangeSchema)) body: RolesChange, @CurrentActor() actor: Actor) {
    return answering(this.identity.users.changeRoles(userId, body, actor.id));
  }

  @Put(':userId/certificate')
  @ApiOperation({ summary: '登记或撤销执法证 / record or withdraw the enforcement certificate' })
  @ApiBody({ schema: openApiSchema(certificateChangeSchema) })
  certificate(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(certificateChangeSchema)) body: z.infer<typeof certificateChangeSchema>,
    @CurrentActor() actor: Actor,
  ) {
    return answering(this.identity.users.setCertificate(userId, body.certificate, actor.id));
  }

  @Put(':userId/password')
  @ApiOperation({ summary: '重设密码（该用户所有会话失效）/ reset the password; every session of the user ends' })
  @ApiBody({ schema: openApiSchema(passwordChangeSchema) })
  password(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(passwordChangeSchema)) body: z.infer<typeof passwordChangeSchema>,
    @CurrentActor() actor: Actor,
  ) {
    return answering(this.identity.users.setPassword(userId, body.password, actor.id));
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账户（令牌立即失效）/ disable: the user’s tokens stop working at once' })
  @ApiBody({ schema: openApiSchema(reasonSchema) })
  disable(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(reasonSchema)) body: z.infer<typeof reasonSchema>,
    @CurrentActor() actor: Actor,
  ) {
    return answering(this.identity.users.disable(userId, body.reason, actor.id));
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '启用账户 / enable the account again' })
  enable(@Param('userId') userId: string, @CurrentActor() actor: Actor) {
    return answering(this.identity.users.enable(userId, actor.id));
  }
}
