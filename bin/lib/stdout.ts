// Standard output, for everything the CLI prints. The stream is made on first use: for a
// pipe that loads node:net and the stream modules, a few milliseconds that a run printing
// nothing (-q into a folder) never spends.

let guarded = false;

/** process.stdout, stopping quietly when a reader closes the pipe early (`policy-parse … | head`), as other tools do. */
export function stdout(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return process.stdout;
}
