/** Whether a form can be drawn for a schema: an object with named fields. Else JSON is typed. */
export const hasFormFields = (schema: unknown): boolean =>
  typeof schema === "object" &&
  schema !== null &&
  "properties" in schema &&
  typeof schema.properties === "object" &&
  schema.properties !== null &&
  Object.keys(schema.properties).length > 0;
