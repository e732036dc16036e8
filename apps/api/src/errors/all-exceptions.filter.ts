import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { ApiError, type ErrorBody } from './api-error';
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

/** Turns every error into the one JSON shape, with the request's correlation id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId = correlationIdOf(req);
    const [status, body] = this.toBody(exception);
    if (status >= 500)
      this.logger.error(`${req.method} ${req.url} ${correlationId}`, exception instanceof Error ? exception.stack : String(exception));
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
