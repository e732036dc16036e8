import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { roleSchema, type Actor } from '@qts/domain';
import { ApiError } from '../errors/api-error';

const headerActor = z.object({
  id: z.string().min(1, 'x-actor-id header is required'),
  role: roleSchema.exclude(['system']),
  name: z.string().optional(),
});

/**
 * Who is acting. Until sign-in lands (issue #3) the caller states it in x-actor-id / x-actor-role / x-actor-name;
 * everything downstream already carries the actor, so only this decorator changes then.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const name = req.header('x-actor-name');
  const parsed = headerActor.safeParse({
    id: req.header('x-actor-id'),
    role: req.header('x-actor-role'),
    name: name ? decodeURIComponent(name) : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      401,
      'ACTOR_REQUIRED',
      `who is acting: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      parsed.error.issues,
    );
  }
  return parsed.data.name === undefined ? { id: parsed.data.id, role: parsed.data.role } : parsed.data;
});
