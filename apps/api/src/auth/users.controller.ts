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
} from '@qts/identity';
import { CurrentActor } from '../actor/actor.decorator';
import { openApiSchema } from '../openapi-schema';
import { ApiError } from '../errors/api-error';
import { IdentityProvider, answering } from './identity.provider';
import { Allow } from './permissions.decorator';
import { BODY_ERRORS, SIGNED_IN_ERRORS, Answers } from '../openapi/answers';
import { userAnswer, usersAnswer } from './answers';

type User = z.output<typeof userAnswer>;

/** Accounts, managed by administrators. Every change is in the identity audit log. */
@ApiTags('账户 users')
@Controller('api/users')
@Allow('users.manage')
export class UsersController {
  constructor(private readonly identity: IdentityProvider) {}

  @Get()
  @ApiOperation({ summary: '账户列表 / list accounts' })
  @Answers(200, usersAnswer, SIGNED_IN_ERRORS)
  list(): Promise<User[]> {
    return this.identity.users.list();
  }

  @Get(':userId')
  @ApiOperation({ summary: '一个账户 / one account' })
  @Answers(200, userAnswer, [400, ...SIGNED_IN_ERRORS, 404])
  async get(@Param('userId') userId: string): Promise<User> {
    const user = await this.identity.users.get(userId);
    if (!user) throw new ApiError(404, 'USER_NOT_FOUND', `没有账号 ${userId} / no user ${userId}`);
    return user;
  }

  @Post()
  @ApiOperation({ summary: '创建账户（科室、角色、执法证）/ create an account: section, roles, enforcement certificate' })
  @ApiBody({ schema: openApiSchema(newUserSchema) })
  @Answers(201, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 409], {
    errors: { 400: '字段不合法，或密码太弱 WEAK_PASSWORD / invalid field or a weak password', 409: '账号已存在 USER_EXISTS' },
  })
  create(@Body(new ZodValidationPipe(newUserSchema)) body: NewUser, @CurrentActor() actor: Actor): Promise<User> {
    return answering(this.identity.users.create(body, actor.id));
  }

  @Put(':userId/roles')
  @ApiOperation({ summary: '调整角色和科室（立即生效）/ change roles and section; takes effect on the next request' })
  @ApiBody({ schema: openApiSchema(rolesChangeSchema) })
  @Answers(200, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404, 409], {
    errors: { 409: '不能去掉最后一位管理员 LAST_ADMINISTRATOR / the last administrator must stay' },
  })
  roles(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(rolesChangeSchema)) body: RolesChange,
    @CurrentActor() actor: Actor,
  ): Promise<User> {
    return answering(this.identity.users.changeRoles(userId, body, actor.id));
  }

  @Put(':userId/certificate')
  @ApiOperation({ summary: '登记或撤销执法证 / record or withdraw the enforcement certificate' })
  @ApiBody({ schema: openApiSchema(certificateChangeSchema) })
  @Answers(200, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404])
  certificate(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(certificateChangeSchema)) body: z.infer<typeof certificateChangeSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<User> {
    return answering(this.identity.users.setCertificate(userId, body.certificate, actor.id));
  }

  @Put(':userId/password')
  @ApiOperation({ summary: '重设密码（该用户所有会话失效）/ reset the password; every session of the user ends' })
  @ApiBody({ schema: openApiSchema(passwordChangeSchema) })
  @Answers(200, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404], {
    errors: { 400: '字段不合法，或密码太弱 WEAK_PASSWORD / invalid field or a weak password' },
  })
  password(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(passwordChangeSchema)) body: z.infer<typeof passwordChangeSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<User> {
    return answering(this.identity.users.setPassword(userId, body.password, actor.id));
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账户（令牌立即失效）/ disable: the user’s tokens stop working at once' })
  @ApiBody({ schema: openApiSchema(reasonSchema) })
  @Answers(200, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404, 409], {
    errors: { 409: '不能停用最后一位管理员 LAST_ADMINISTRATOR / the last administrator must stay' },
  })
  disable(
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(reasonSchema)) body: z.infer<typeof reasonSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<User> {
    return answering(this.identity.users.disable(userId, body.reason, actor.id));
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '启用账户 / enable the account again' })
  // no body, but one sent is still read (and refused when it is not JSON or too large)
  @Answers(200, userAnswer, [...BODY_ERRORS, ...SIGNED_IN_ERRORS, 404])
  enable(@Param('userId') userId: string, @CurrentActor() actor: Actor): Promise<User> {
    return answering(this.identity.users.enable(userId, actor.id));
  }
}
