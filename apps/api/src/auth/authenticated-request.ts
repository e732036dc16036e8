import type { Request } from 'express';
import type { Actor, Principal } from '@qts/domain';

/** What the guards learn about a request: who signed in (authentication) and as whom they act (authorisation). */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  sessionId?: string;
  actor?: Actor;
}
