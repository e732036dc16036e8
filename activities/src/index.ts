import type { createPublishActivities } from './publish-case-events';

export * from './publish-case-events';
export * from './publish-escalation-document';

/** The activity interface workflows proxy (import it as a type only). */
export type CaseActivities = ReturnType<typeof createPublishActivities>;
export * from './publish-outbound-document';
