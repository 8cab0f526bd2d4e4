import type {
  CatalogFunction,
  Connection,
  CostHints,
  JsonSchema,
  JsonValue,
  SchemaSource,
} from "../types.ts";
import type { Annotation } from "./schema-document.ts";

export type FoundFunction = {
  name: string;
  description?: string;
  tags?: string[];
  /** Schemas the function or its provider declares, if any. */
  declared?: { input?: JsonSchema; output?: JsonSchema };
  costHints?: CostHints;
  locator: { [key: string]: JsonValue };
};

/**
 * A catalog entry from what a listing API returned. An annotation from the connection's
 * schema document wins over declared schemas, field by field; a function with neither
 * accepts and returns any JSON, and `problems` says so.
 */
export function toCatalogEntry(
  connection: Connection,
  found: FoundFunction,
  annotation: Annotation | undefined,
  problems: string[],
): CatalogFunction {
  const input = annotation?.input ?? found.declared?.input;
  const output = annotation?.output ?? found.declared?.output;
  const annotated = annotation?.input !== undefined || annotation?.output !== undefined;
  const schemaSource: SchemaSource = annotated ? "annotated" : "declared";
  const undeclared: ("input" | "output")[] = [];
  if (input === undefined) undeclared.push("input");
  if (output === undefined) undeclared.push("output");
  if (undeclared.length > 0) {
    problems.push(
      `${found.name}: no ${undeclared.join(" or ")} schema; it accepts any JSON until one is attached or inferred from calls.`,
    );
  }
  return {
    name: found.name,
    ref: `${connection.name}/${found.name}`,
    description: annotation?.description ?? found.description ?? "",
    tags: annotation?.tags ?? found.tags ?? [],
    inputSchema: input ?? {},
    outputSchema: output ?? {},
    schemaSource,
    ...(undeclared.length > 0 ? { undeclared } : {}),
    costHints: found.costHints ?? {},
    locator: found.locator,
  };
}
