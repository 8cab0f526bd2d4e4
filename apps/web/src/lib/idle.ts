type TIdleWindow = {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

// Without requestIdleCallback (Safari) a short timer lets the first frame paint first.
const FALLBACK_MS = 50;

/**
 * Runs `callback` once the browser is idle, or after `timeoutMs` at the latest; returns
 * a function that cancels it.
 */
export const whenIdle = (
  callback: () => void,
  timeoutMs: number,
  target: TIdleWindow = globalThis as TIdleWindow,
): (() => void) => {
  if (target.requestIdleCallback && target.cancelIdleCallback) {
    const cancel = target.cancelIdleCallback;
    const id = target.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancel(id);
  }
  const id = setTimeout(callback, Math.min(FALLBACK_MS, timeoutMs));
  return () => clearTimeout(id);
};
