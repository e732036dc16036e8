import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The built web app (apps/web-app, `scripts/build-web.sh`). */
const WEB_APP = path.resolve(__dirname, '../../web-app/dist');

/** Paths the app does not own: the API, health and files (anything with an extension). */
const notAnAppRoute = (p: string): boolean =>
  p === '/api' || p.startsWith('/api/') || p === '/health' || p.startsWith('/health/') || path.extname(p) !== '';

/**
 * Every page of the app is index.html: a deep link (/cases/PEN-…) or a reload loads the app, whose router shows the
 * page. Only GET/HEAD asking for HTML; the API and /health keep their own answers (and their 404s).
 */
function appRoutes(indexHtml: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || notAnAppRoute(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  };
}

/** The web app at / (hashed assets cached for good, index.html always revalidated). */
export function serveWebApp(app: NestExpressApplication): void {
  if (!existsSync(path.join(WEB_APP, 'index.html'))) {
    console.warn(`[api] the web app is not built (${WEB_APP}): run scripts/build-web.sh`);
    return;
  }
  app.useStaticAssets(path.join(WEB_APP, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d' });
  app.useStaticAssets(WEB_APP, { index: false });
  app.use(appRoutes(path.join(WEB_APP, 'index.html')));
}
