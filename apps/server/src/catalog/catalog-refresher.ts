/**
 * Runs `refresh` every `minutes` (0: never), one run at a time: a tick that finds the
 * previous run still going is skipped. Failures are reported, not thrown, so the timer
 * keeps going. The timer does not keep the process alive.
 */
export const startCatalogRefresher = (options: {
  minutes: number;
  refresh: () => Promise<void>;
  onError: (error: unknown) => void;
}): { stop(): Promise<void> } => {
  if (options.minutes <= 0) return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = options
      .refresh()
      .catch(options.onError)
      .finally(() => {
        running = undefined;
      });
  }, options.minutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
