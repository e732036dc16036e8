/**
 * The one clock workflow code reads. Inside Temporal's workflow sandbox `Date` is replaced by the time of the
 * current workflow task (recorded in history), so this is deterministic on replay; nothing here reads the machine's
 * clock. Every "now" a workflow hands to its decider, stamps on an event or waits from comes from here.
 */
export function workflowNow(): number {
  // deliberate: in the sandbox this Date.now() is the workflow task's recorded time, not the machine clock; the
  // ESLint rule that bans Date.now in workflows/ exempts this file alone
  return Date.now();
}

/** The workflow-time instant as an ISO string, for occurredAt. */
export function workflowNowIso(): string {
  return new Date(workflowNow()).toISOString();
}
