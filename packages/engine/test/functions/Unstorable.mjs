export const description =
  "Returns what PostgreSQL cannot store: a NUL character, or nesting `depth` levels deep";
export const tags = ["test"];
export const input = { type: "object", properties: { depth: { type: "integer" } } };
export const output = {};
export async function handler({ depth }) {
  if (depth === undefined) return { text: "a\u0000b" };
  let value = {};
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}
