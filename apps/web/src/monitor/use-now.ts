import { useEffect, useState } from "react";

/** The current time, ticking while `live` so running durations grow on screen. */
export const useNow = (live: boolean, intervalMs = 1000): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (!live) return;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [live, intervalMs]);
  return now;
};
