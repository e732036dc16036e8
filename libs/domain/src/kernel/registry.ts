import { accidentProcess } from '../accident/process';
import { directiveProcess } from '../directive/process';
import { escalationProcess } from '../escalation/process';
import { penaltyCaseProcess } from '../penalty/process';
import { recallProcess } from '../recall/process';
import type { AnyCaseProcess } from './case-process';

/**
 * Every case process of the platform. The runner, the API's routes, authorisation, OpenAPI, the read model, the
 * calendar rollout, the UI and the conformance suite read this list; adding a process is adding it here.
 */
export const PROCESSES: readonly AnyCaseProcess[] = [
  penaltyCaseProcess,
  escalationProcess,
  recallProcess,
  directiveProcess,
  accidentProcess,
];

export function processOf(caseType: string): AnyCaseProcess | undefined {
  return PROCESSES.find((p) => p.caseType === caseType);
}

export function processByRoute(route: string): AnyCaseProcess | undefined {
  return PROCESSES.find((p) => p.route === route);
}

export function processByWorkflowType(workflowType: string): AnyCaseProcess | undefined {
  return PROCESSES.find((p) => p.temporal.workflowType === workflowType);
}
