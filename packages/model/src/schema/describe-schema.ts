import type { TJsonSchema } from "../json-schema.ts";
import { describeAlts } from "./describe.ts";
import { inlineSchemaNode } from "./node.ts";
import { normalize } from "./normalize.ts";

/** What a schema accepts, in the words of the check's messages: "a string (at least 1 character)". */
export const describeSchema = (schema: TJsonSchema): string =>
  describeAlts(normalize(inlineSchemaNode(schema), "target").alts);
