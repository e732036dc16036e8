import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../errors/api-error';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The optional `Idempotency-Key` header of a command: the same key from the same person on the same case is the
 * same command, answered with the first outcome and applied once (a client that lost the answer resends safely).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const header = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (header === undefined) return undefined;
  if (!KEY.test(header))
    throw new ApiError(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key 须为 8–100 个字母、数字或 . _ : - / the Idempotency-Key header must be 8-100 characters of letters, digits, . _ : -',
      { header: 'Idempotency-Key' },
    );
  return header;
});

/** The header as the OpenAPI document describes it. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    '可选：同一人对同一案件重发同一键即同一命令，只执行一次、返回首次结果 / optional: the same key from the same person on the same case is the same command, applied once, answered with the first outcome',
};
