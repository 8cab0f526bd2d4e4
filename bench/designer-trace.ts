/**
 * Main-thread CPU time from a Chromium performance trace. On a shared machine wall-clock
 * figures include time spent waiting for a core; a trace's thread time (`tdur`) does not,
 * so it tells what the page itself costs.
 */
type TTraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string; documentLoaderURL?: string } };
};

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "toplevel",
  "blink.user_timing",
  "__metadata",
];

const eventsOf = (buffer: Buffer): TTraceEvent[] => {
  const parsed: unknown = JSON.parse(buffer.toString("utf8"));
  return (
    Array.isArray(parsed) ? parsed : (parsed as { traceEvents: TTraceEvent[] }).traceEvents
  ) as TTraceEvent[];
};

const stamps = (events: readonly TTraceEvent[], message: string) =>
  events.filter((e) => e.name === "TimeStamp" && e.args?.data?.message === message);

/** Top-level tasks of the renderer main thread that marked `message`, in time order. */
const mainThreadTasks = (events: readonly TTraceEvent[], message: string) => {
  const marker = stamps(events, message)[0];
  if (!marker) throw new Error(`the trace has no "${message}" time stamp`);
  return events
    .filter(
      (e) => e.pid === marker.pid && e.tid === marker.tid && e.name === "RunTask" && e.ph === "X",
    )
    .sort((a, b) => a.ts - b.ts);
};

const cpuBetween = (tasks: readonly TTraceEvent[], from: number, to: number): number =>
  tasks.filter((t) => t.ts >= from && t.ts < to).reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000;

/** CPU ms of the page's main thread from navigating to `urlPart` until it stamped `message`. */
export const cpuUntilStamp = (buffer: Buffer, urlPart: string, message: string): number => {
  const events = eventsOf(buffer);
  const end = stamps(events, message)[0];
  const start = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.includes(urlPart),
  );
  if (!end || !start) throw new Error("the trace lacks the navigation or the end stamp");
  return cpuBetween(mainThreadTasks(events, message), start.ts, end.ts);
};

/** CPU ms of the main thread in each interval between consecutive `message` stamps (frames). */
export const cpuPerInterval = (buffer: Buffer, message: string): number[] => {
  const events = eventsOf(buffer);
  const tasks = mainThreadTasks(events, message);
  const marks = stamps(events, message)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  return marks.slice(1).map((to, i) => cpuBetween(tasks, marks[i] as number, to));
};
