import { useEffect, useState } from "react";
import { whenIdle } from "./idle.ts";

/**
 * False until the browser has been idle once after mounting (or `timeoutMs` passed), so
 * work the first frame does not need waits until it is drawn.
 */
export const useIdle = (timeoutMs = 1000): boolean => {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), timeoutMs), [timeoutMs]);
  return idle;
};
