import type { paths } from './schema';

/** The JSON a route answers with on success (from the generated OpenAPI types). */
type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 201: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;

export type SignedIn = Answer<'/api/auth/login', 'post'>;
export type Principal = SignedIn['user'];
export type Me = Answer<'/api/auth/me', 'get'>;
export type ProcessCatalogue = Answer<'/api/processes', 'get'>;
export type ProcessView = ProcessCatalogue['processes'][number];
export type CasePage = Answer<'/api/cases', 'get'>;
export type CaseSummary = CasePage['items'][number];
export type CaseView = Answer<'/api/cases/{caseId}', 'get'>;
export type TimelineEntry = CaseView['timeline'][number];
export type Deadline = CaseView['deadlines'][number];
export type NoticePage = Answer<'/api/notices', 'get'>;
export type Notice = NoticePage['items'][number];
export type DamagedCase = Answer<'/api/audit/damaged', 'get'>[number];
export type EquipmentDirectives = Answer<'/api/directives/equipment', 'get'>;
export type Health = Answer<'/health', 'get'>;
export type Role = Principal['roles'][number];

/** The one error shape of every 4xx/5xx answer. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

export type Moves = Answer<'/api/cases/{caseId}/moves', 'get'>;
export type Move = Moves['moves'][number];
export type DeskCounts = Answer<'/api/desk/counts', 'get'>;
export type StalledPage = Answer<'/api/desk/stalled', 'get'>;
export type StalledCase = StalledPage['items'][number];
export type Inbox = Answer<'/api/inbox', 'get'>;
export type InboxItem = Inbox['items'][number];
export type AccidentList = Answer<'/api/accidents', 'get'>;
export type AccidentRow = AccidentList['items'][number];
export type RecallList = Answer<'/api/recalls', 'get'>;
export type RecallRow = RecallList['items'][number];
