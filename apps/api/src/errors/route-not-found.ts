import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { PROCESSES } from '@qts/domain';
import { ApiError } from './api-error';

const SHOWN = 200;

/** True for the answer Nest gives a request no route matched (`Cannot METHOD URL`), not a 404 a handler threw. */
function isUnmatchedRoute(exception: unknown, req: Request): boolean {
  return exception instanceof NotFoundException && exception.message === `Cannot ${req.method} ${req.originalUrl}`;
}

/**
 * A request no route took, as 404 ROUTE_NOT_FOUND naming the method and path; under /api/ it also names the case
 * processes' routes (from the registry), since a mistyped or unregistered process is the likely cause.
 */
export function routeNotFound(exception: unknown, req: Request): ApiError | undefined {
  if (!isUnmatchedRoute(exception, req)) return undefined;
  const path = req.path.slice(0, SHOWN);
  const asked = /^\/api\/([^/]+)/.exec(path)?.[1];
  const routes = PROCESSES.map((p) => ({ route: `/api/${p.route}`, caseType: p.caseType, labels: p.labels }));
  const unknownProcess = asked !== undefined && !PROCESSES.some((p) => p.route === asked);
  const hint = unknownProcess
    ? `；案件流程在 ${routes.map((r) => `${r.route}（${r.labels.zh}）`).join('、')} / case processes are at ${routes.map((r) => r.route).join(', ')}`
    : '';
  return new ApiError(404, 'ROUTE_NOT_FOUND', `没有这个地址 ${req.method} ${path} / no route ${req.method} ${path}${hint}`, {
    method: req.method,
    path,
    ...(unknownProcess ? { processRoutes: routes.map((r) => r.route) } : {}),
  });
}
