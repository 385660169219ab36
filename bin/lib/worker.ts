// A worker thread of a batch: runs jobs as the main thread sends them, one reply each.
import { parentPort, workerData } from 'node:worker_threads';
import { type JobInput, type JobOptions, runJob } from './job.js';
import { prepareFormats } from './output.js';

const options = workerData as JobOptions;
// Messages wait in the port's queue until the listener below is attached.
await prepareFormats(options.formats);
parentPort?.on('message', (input: JobInput) => {
  parentPort?.postMessage(runJob(input, options));
});
