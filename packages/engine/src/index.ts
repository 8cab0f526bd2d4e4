export { createEngine, type TEngine, type TEngineOptions } from "./engine.ts";
export type { TEventFeed, TRunEvent } from "./events/event-feed.ts";
export type { TActor } from "./transitions/decide-task.ts";
export type { TRework } from "./transitions/rework-run.ts";
export type { TStartRun } from "./transitions/start-run.ts";
