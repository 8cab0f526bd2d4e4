export { createEngine, type TEngine, type TEngineOptions } from "./engine.ts";
export type { TEventFeed } from "./events/event-feed.ts";
export { ExpressionLimitError } from "./expressions/expression-sandbox.ts";
export {
  DEFAULT_ENGINE_LIMITS,
  type TEngineLimits,
  type TEngineLimitsOption,
} from "./limits.ts";
export type { TActor } from "./runs/decide-task.ts";
export type { TRework } from "./runs/rework-run.ts";
export type { TStartRun } from "./runs/start-run.ts";
