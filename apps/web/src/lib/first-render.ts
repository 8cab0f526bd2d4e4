/**
 * What the first render waits for. A page opened by its address renders once, with its
 * code and data, instead of drawing the shell, a loading state and then the page: on a
 * busy main thread each of those frames costs its own render, layout and paint. Past
 * `maxWaitMs` it renders anyway and the rest comes in as usual.
 */
export const createFirstRender = (maxWaitMs: number) => {
  const pending: Promise<unknown>[] = [];
  let started = false;
  return {
    /** Adds work the first render should wait for; ignored once it has begun. */
    await(work: Promise<unknown>) {
      if (!started) pending.push(work);
    },
    /** Resolves when everything added has settled, or after `maxWaitMs`. */
    ready(): Promise<void> {
      started = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, maxWaitMs);
      });
      return Promise.race([Promise.allSettled(pending).then(() => undefined), timeout]).finally(
        () => clearTimeout(timer),
      );
    },
  };
};
