import { randomBytes } from 'node:crypto';

/** Every test run gets its own topics (prefix), schema and consumer group, so tests never see each other. */
export interface TestRun {
  id: string;
  topicPrefix: string;
  schema: string;
  groupId: string;
}

export function newTestRun(label: string): TestRun {
  const id = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return { id, topicPrefix: `t-${id}.`, schema: `rm_${id}`, groupId: `projector-${id}` };
}
