import type { JsonSchema } from "../types.ts";
import type { OperationLocator, ParameterPlace } from "./openapi-document.ts";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A parameter as the document declares it, its schema already converted. */
export type DeclaredParameter = {
  name: string;
  in: ParameterPlace;
  explode: boolean;
  required: boolean;
  schema: JsonSchema;
};

/** A request body as the document declares it, its schema already converted. */
export type DeclaredBody = { mediaType: string; required: boolean; schema: JsonSchema };

export type InputShape = {
  inputSchema: JsonSchema;
  parameters: OperationLocator["parameters"];
  body: OperationLocator["body"];
};

/** What an operation's input would be called under the older wrapped form. */
export const WRAPPED_BODY = "body";

// Keywords that only describe: an object schema with nothing else can be spread out.
const annotations = new Set([
  "title",
  "description",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
]);
const objectKeywords = new Set(["type", "properties", "required", "additionalProperties"]);
const MAX_HOPS = 16;

/**
 * The plain object schemas a body is made of (itself, what its `$ref` names, the parts of
 * its `allOf`), or undefined when it says more than fields can carry (a `oneOf`, a list, a
 * nullable body, `minProperties`…): such a body stays whole under `body`.
 */
function objectParts(
  schema: JsonSchema,
  definition: (ref: string) => JsonSchema | undefined,
  hops = 0,
): Node[] | undefined {
  if (!isNode(schema) || hops > MAX_HOPS) return undefined;
  const keys = Object.keys(schema).filter((key) => !annotations.has(key));
  if (typeof schema.$ref === "string") {
    const target = keys.length === 1 ? definition(schema.$ref) : undefined;
    return target === undefined ? undefined : objectParts(target, definition, hops + 1);
  }
  if (Array.isArray(schema.allOf)) {
    if (keys.some((key) => key !== "allOf" && !(key === "type" && schema.type === "object"))) {
      return undefined;
    }
    const parts = schema.allOf.map((part) => objectParts(part as JsonSchema, definition, hops + 1));
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  const isObject =
    schema.type === "object" || (schema.type === undefined && isNode(schema.properties));
  return isObject && keys.every((key) => objectKeywords.has(key)) ? [schema] : undefined;
}

/** The fields of a body made of plain object parts, merged as `allOf` means them. */
function mergeParts(parts: Node[], bodyRequired: boolean) {
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  for (const part of parts) {
    for (const [name, schema] of Object.entries(isNode(part.properties) ? part.properties : {})) {
      const known = properties[name];
      properties[name] =
        known === undefined ? (schema as JsonSchema) : { allOf: [known, schema as JsonSchema] };
    }
    if (bodyRequired && Array.isArray(part.required)) {
      for (const name of part.required) if (typeof name === "string") required.add(name);
    }
  }
  // One part decides alone; of several, the merged object is closed only when each is.
  const additional =
    parts.length === 1
      ? parts[0]?.additionalProperties
      : parts.every((part) => part.additionalProperties === false)
        ? false
        : undefined;
  return { properties, required: [...required], additional };
}

const objectSchema = (
  properties: Record<string, JsonSchema>,
  required: string[],
  additional: unknown,
  annotation: Node = {},
): Node => ({
  ...annotation,
  type: "object",
  properties,
  ...(required.length > 0 ? { required } : {}),
  ...(additional === undefined ? {} : { additionalProperties: additional }),
});

/**
 * The input an operation takes, as people read the API: its parameters and the fields of
 * its JSON (or form) body side by side in one object. A body that is not a plain object
 * stays whole under `body`. A parameter whose name is also a body field's or another
 * parameter's is called `<in>_<name>` (`path_id`); body fields keep their names. When the
 * body is spread out, the input also accepts the older wrapped form (`body` holding the
 * body, parameters by name) that scenarios saved before kept, marked deprecated.
 * A problem when two fields would still share a name.
 */
export function shapeInput(
  declared: DeclaredParameter[],
  body: DeclaredBody | null,
  definition: (ref: string) => JsonSchema | undefined,
): InputShape | { problem: string } {
  const parts = body ? objectParts(body.schema, definition) : undefined;
  const fields = parts && mergeParts(parts, body?.required === true);
  const bodyNames = fields ? Object.keys(fields.properties) : body ? [WRAPPED_BODY] : [];

  const uses = new Map<string, number>();
  for (const name of [...bodyNames, ...declared.map((p) => p.name)]) {
    uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  const taken = new Set(bodyNames);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const parameters: OperationLocator["parameters"] = [];
  for (const parameter of declared) {
    const field =
      (uses.get(parameter.name) ?? 0) > 1 ? `${parameter.in}_${parameter.name}` : parameter.name;
    if (taken.has(field)) {
      return { problem: `parameter "${parameter.name}" clashes with another input field` };
    }
    taken.add(field);
    properties[field] = parameter.schema;
    if (parameter.required) required.push(field);
    parameters.push({
      name: parameter.name,
      in: parameter.in,
      explode: parameter.explode,
      ...(field === parameter.name ? {} : { field }),
    });
  }

  if (!body) {
    return {
      inputSchema: objectSchema(properties, required, false),
      parameters,
      body: null,
    };
  }
  if (!fields) {
    return {
      inputSchema: objectSchema(
        { ...properties, [WRAPPED_BODY]: body.schema },
        body.required ? [...required, WRAPPED_BODY] : required,
        false,
      ),
      parameters,
      body: { mediaType: body.mediaType },
    };
  }
  const flat = objectSchema(
    { ...properties, ...fields.properties },
    [...required, ...fields.required],
    fields.additional,
    { title: "Parameters and body fields" },
  );
  const locatorBody = { mediaType: body.mediaType, fields: bodyNames };
  // Before flat inputs, an operation with a parameter called `body` or two of one name was skipped.
  const names = declared.map((p) => p.name);
  const hadWrappedForm = !names.includes(WRAPPED_BODY) && new Set(names).size === names.length;
  if (!hadWrappedForm) return { inputSchema: flat, parameters, body: locatorBody };
  const wrapped = objectSchema(
    {
      ...Object.fromEntries(declared.map((p) => [p.name, p.schema])),
      [WRAPPED_BODY]: body.schema,
    },
    [
      ...declared.filter((p) => p.required).map((p) => p.name),
      ...(body.required ? [WRAPPED_BODY] : []),
    ],
    false,
    {
      title: 'Older form with the body under "body"',
      description:
        "Accepted for scenarios saved before HTTP functions took their body fields flat.",
      deprecated: true,
    },
  );
  return { inputSchema: { anyOf: [flat, wrapped] }, parameters, body: locatorBody };
}
