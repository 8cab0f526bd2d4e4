/**
 * Runs `stop` once on the first SIGINT/SIGTERM, then exits; a second signal while
 * stopping exits at once, for the impatient. Install it before starting anything, so a
 * signal during start-up also stops cleanly: `stop` may wait for start-up to finish.
 */
export const onShutdown = (name: string, stop: () => Promise<void>): void => {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`baton: ${signal} again, exiting without a clean stop`);
      process.exit(130);
    }
    stopping = true;
    console.log(`baton: ${signal} received, stopping ${name}…`);
    stop().then(
      () => {
        console.log(`baton: ${name} stopped cleanly`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`baton: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
};
