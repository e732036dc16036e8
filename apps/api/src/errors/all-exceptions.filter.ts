import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { ApiError, type ErrorBody } from './api-error';
import { correlationIdOf } from '../correlation-id';

function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
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
    if (status >= 500) this.logger.error(`${req.method} ${req.url} ${correlationId}`, exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json({ ...body, correlationId } satisfies ErrorBody);
  }

  private toBody(exception: unknown): [number, Omit<ErrorBody, 'correlationId'>] {
    if (exception instanceof ApiError) return [exception.status, { code: exception.code, message: exception.message, details: exception.details }];
    if (exception instanceof ZodValidationException) {
      const error = exception.getZodError();
      const details = error instanceof ZodError ? zodDetails(error) : [];
      const first = details[0];
      return [400, { code: 'INVALID_REQUEST', message: first ? `${first.path || 'body'}: ${first.message}` : 'invalid request', details }];
    }
    if (exception instanceof ZodError) {
      const details = zodDetails(exception);
      return [400, { code: 'INVALID_REQUEST', message: details.map((d) => `${d.path || 'body'}: ${d.message}`).join('; '), details }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, message: exception.message, details: {} }];
    }
    return [500, { code: 'INTERNAL', message: 'internal error / 内部错误', details: {} }];
  }
}
