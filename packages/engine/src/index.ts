export { createEngine, type TEngine, type TEngineOptions } from "./engine.ts";
export type { TEventFeed, TRunEvent } from "./events/event-feed.ts";
export { ExpressionLimitError } from "./expressions/expression-sandbox.ts";
export {
  DEFAULT_ENGINE_LIMITS,
  type TEngineLimits,
  type TEngineLimitsOption,
} from "./limits.ts";
export type { TActor } from "./transitions/decide-task.ts";
export type { TRework } from "./transitions/rework-run.ts";
export type { TStartRun } from "./transitions/start-run.ts";
