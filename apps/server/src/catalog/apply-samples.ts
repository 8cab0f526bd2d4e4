import { inferSchema } from "@baton/model";
import type { JsonSchema, SchemaSource } from "@baton/providers";

export type TSample = { input: unknown; output: unknown };

type TSchemas = { inputSchema: JsonSchema; outputSchema: JsonSchema; schemaSource: SchemaSource };

/** Samples kept per function; older ones are dropped as new calls succeed. */
export const samplesKept = 20;

/**
 * The schemas to store for a function: the sides its provider declared stay as they
 * are; the undeclared ones are inferred from the samples of successful calls, and the
 * source says so. Without samples, the discovered (accept-anything) schemas stand.
 */
export const applySamples = (
  discovered: TSchemas,
  undeclared: readonly string[],
  samples: readonly TSample[],
): TSchemas => {
  const sides = undeclared.filter((side) => side === "input" || side === "output");
  if (sides.length === 0 || samples.length === 0) return discovered;
  return {
    inputSchema: sides.includes("input")
      ? inferSchema(samples.map((s) => s.input))
      : discovered.inputSchema,
    outputSchema: sides.includes("output")
      ? inferSchema(samples.map((s) => s.output))
      : discovered.outputSchema,
    schemaSource: "inferred",
  };
};
