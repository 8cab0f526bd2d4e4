import type { ModuleDescription } from "./protocol.ts";

export type FunctionModule = Record<string, unknown>;

/**
 * A function module's exports from what `import()` gave: a CommonJS module (or TS compiled
 * as one, outside a `"type": "module"` package) arrives as `{ default: module.exports }`.
 */
export const moduleExports = (namespace: FunctionModule): FunctionModule =>
  namespace.handler === undefined && typeof namespace.default === "object" && namespace.default
    ? (namespace.default as FunctionModule)
    : namespace;

/** What discovery reads of a module: its handler's presence, schemas, text and hints. */
export const describeExports = (mod: FunctionModule): ModuleDescription => ({
  hasHandler: typeof mod.handler === "function",
  description: mod.description,
  tags: mod.tags,
  input: mod.input,
  output: mod.output,
  timeoutMs: mod.timeoutMs,
  memoryMb: mod.memoryMb,
});
