/**
 * A gate that lets the first call through at once, then at most one call per `ms`: calls
 * in between are folded into one at the end of the window, with the latest arguments.
 */
export const throttle = <TArgs extends unknown[]>(
  ms: number,
  run: (...args: TArgs) => void,
): { call: (...args: TArgs) => void; cancel: () => void } => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  let pending: TArgs | undefined;
  const fire = (args: TArgs) => {
    last = Date.now();
    pending = undefined;
    run(...args);
  };
  return {
    call: (...args) => {
      const wait = last + ms - Date.now();
      if (wait <= 0 && timer === undefined) {
        fire(args);
        return;
      }
      pending = args;
      timer ??= setTimeout(
        () => {
          timer = undefined;
          if (pending) fire(pending);
        },
        Math.max(0, wait),
      );
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
};
