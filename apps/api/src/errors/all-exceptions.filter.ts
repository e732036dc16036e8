import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { ApiError, type ErrorBody } from './api-error';
import { routeNotFound } from './route-not-found';
import { correlationIdOf } from '../correlation-id';

interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
}

function zodDetails(error: unknown) {
  const issues = (error as { issues?: IssueLike[] } | null)?.issues ?? [];
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

function describe(details: { path: string; message: string }[]): string {
  return details.length === 0 ? 'invalid request' : details.map((d) => `${d.path || 'body'}: ${d.message}`).join('; ');
}

/** The stack and every cause under it (a Temporal ServiceError says what went wrong only in its gRPC cause). */
function withCauses(exception: unknown): string {
  const lines: string[] = [];
  let err: unknown = exception;
  for (let depth = 0; err instanceof Error && depth < 5; depth += 1) {
    const code = (err as { code?: unknown }).code;
    const shownCode = typeof code === 'number' || typeof code === 'string' ? ` (code ${code})` : '';
    lines.push(`${depth > 0 ? 'caused by: ' : ''}${err.stack ?? err.message}${shownCode}`);
    err = err.cause;
  }
  if (lines.length === 0) lines.push(typeof exception === 'string' ? exception : JSON.stringify(exception));
  return lines.join('\n');
}

/** Turns every error into the one JSON shape, with the request's correlation id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId = correlationIdOf(req);
    const [status, body] = this.toBody(routeNotFound(exception, req) ?? exception);
    if (status >= 500) this.logger.error(`${req.method} ${req.url} ${correlationId}`, withCauses(exception));
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if ((status === 429 || status === 503) && typeof retryAfter === 'number' && !res.getHeader('Retry-After'))
      res.setHeader('Retry-After', String(retryAfter));
    res.status(status).json({ ...body, correlationId } satisfies ErrorBody);
  }

  private toBody(exception: unknown): [number, Omit<ErrorBody, 'correlationId'>] {
    if (exception instanceof ApiError)
      return [exception.status, { code: exception.code, message: exception.message, details: exception.details }];
    if (exception instanceof ZodValidationException) {
      const details = zodDetails(exception.getZodError());
      return [400, { code: 'INVALID_REQUEST', message: describe(details), details }];
    }
    if (exception instanceof ZodError) {
      const details = zodDetails(exception);
      return [400, { code: 'INVALID_REQUEST', message: describe(details), details }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, message: exception.message, details: {} }];
    }
    return [500, { code: 'INTERNAL', message: 'internal error / 内部错误', details: {} }];
  }
}
