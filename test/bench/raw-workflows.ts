import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The raw baseline: one Update, answered by the workflow with what it was sent. */
export const echoUpdate = defineUpdate<number, [number]>('echo');

/** A workflow that does nothing: start → complete. */
export async function trivialWorkflow(): Promise<string> {
  return Promise.resolve('done');
}

/** A workflow that waits for one Update, answers it and completes. */
export async function updateOnceWorkflow(): Promise<number> {
  let received: number | undefined;
  setHandler(echoUpdate, (n) => {
    received = n;
    return n;
  });
  await condition(() => received !== undefined);
  return received ?? 0;
}
