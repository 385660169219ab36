// A worker thread of a batch: runs jobs as the main thread sends them, one reply each.
import { parentPort, workerData } from 'node:worker_threads';
import { type JobInput, type JobOptions, runJob } from './job.js';

const options = workerData as JobOptions;
parentPort?.on('message', (input: JobInput) => {
  parentPort?.postMessage(runJob(input, options));
});
