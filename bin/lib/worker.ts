// A worker thread of a batch: runs jobs as the main thread sends them, one reply each.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { type JobInput, type JobOptions, WORKER_READY, runJob, setThreadId } from './job.js';
import { prepareFormats } from './output.js';

const options = workerData as JobOptions;
setThreadId(threadId);
// Messages wait in the port's queue until the listener below is attached. (No top-level
// await: the CLI's bundle is a CommonJS script, bin/lib/load-bundle.ts.)
void prepareFormats(options.formats).then(() => {
  // Jobs run concurrently within the worker (DOCX and PDF are read asynchronously); the
  // batch puts the results back in input order.
  parentPort?.on('message', async (input: JobInput) => {
    parentPort?.postMessage(await runJob(input, options));
  });
  // The parser is loaded: the batch may send jobs now.
  parentPort?.postMessage(WORKER_READY);
});
