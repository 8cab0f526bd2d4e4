import { useEffect, useState } from "react";
import { whenIdle } from "./idle.ts";

/**
 * False until the browser has been idle once after `ready` became true (or `timeoutMs`
 * passed), so work the first frame does not need waits until that frame is drawn.
 */
export const useIdle = (ready = true, timeoutMs = 1000): boolean => {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => setIdle(true), timeoutMs);
  }, [ready, timeoutMs]);
  return idle;
};
