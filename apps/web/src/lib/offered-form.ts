type TSchemaObject = Record<string, unknown>;

const isObject = (value: unknown): value is TSchemaObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A schema that offers one form and still accepts deprecated ones (an HTTP function's flat
 * input beside its older wrapped form, see the providers' README) is shown, and filled in,
 * as that form; `older` names the others. Any other schema comes back as it is.
 */
export const offeredForm = (schema: unknown): { schema: unknown; older: string[] } => {
  const variants = isObject(schema) ? (schema.anyOf ?? schema.oneOf) : undefined;
  if (!isObject(schema) || !Array.isArray(variants)) return { schema, older: [] };
  const forms = variants.filter(isObject);
  const offered = forms.filter((form) => form.deprecated !== true);
  const older = forms.filter((form) => form.deprecated === true);
  const [only] = offered;
  if (!only || offered.length > 1 || older.length === 0) return { schema, older: [] };
  return {
    schema: schema.$defs === undefined ? only : { ...only, $defs: schema.$defs },
    older: older.map((form) => (typeof form.title === "string" ? form.title : "an older form")),
  };
};
