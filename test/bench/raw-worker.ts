/**
 * The tiny worker of the raw baselines: the workflows of raw-workflows.ts on their own task queue, in their own
 * process (so its CPU is measured like the system's worker). Prints "ready" once polling.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const [address = '127.0.0.1:7233', namespace = 'default', taskQueue = 'bench-raw'] = process.argv.slice(2);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowsPath: require.resolve('./raw-workflows') });
  process.on('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('ready');
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
