import { z } from "zod";
import { ZJsonSchema } from "./json-schema.ts";

/** A function as the checker needs it: how to call it and what goes in and out. */
export const ZCatalogFunction = z.looseObject({
  ref: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  inputSchema: ZJsonSchema,
  outputSchema: ZJsonSchema,
});

/** Function ref (`examples/CreateUser`) → function. */
export const ZCatalog = z.record(z.string(), ZCatalogFunction);

/** A published scenario's contract, for checking subscenario and map nodes that call it. */
export const ZScenarioSignature = z.looseObject({
  inputSchema: ZJsonSchema,
  outputSchema: ZJsonSchema,
});

export type TCatalogFunction = z.infer<typeof ZCatalogFunction>;
export type TCatalog = Readonly<Record<string, TCatalogFunction>>;
export type TScenarioSignature = z.infer<typeof ZScenarioSignature>;

/** The key under which `checkScenario` looks up a subscenario: `slug@version`. */
export const scenarioKey = (slug: string, version: number): string => `${slug}@${version}`;
