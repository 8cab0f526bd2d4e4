import { useEffect, useRef, useState } from "react";
import { throttle } from "./throttle.ts";

/**
 * `value`, changing at most once per `ms`: a view fed by a stream of updates re-renders
 * a few times a second instead of on every batch. The latest value always arrives.
 */
export const useThrottled = <T>(value: T, ms: number): T => {
  const [shown, setShown] = useState(value);
  const gate = useRef<ReturnType<typeof throttle<[T]>> | undefined>(undefined);
  useEffect(() => {
    const created = throttle(ms, (next: T) => setShown(() => next));
    gate.current = created;
    return () => created.cancel();
  }, [ms]);
  useEffect(() => {
    gate.current?.call(value);
  }, [value]);
  return shown;
};
