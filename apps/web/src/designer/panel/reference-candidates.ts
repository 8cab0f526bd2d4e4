import { describeType, schemaFields } from "../schema/schema-fields.ts";
import type { TUpstreamSource } from "./upstream-sources.ts";

export type TCandidate = { readonly ref: string; readonly type: string; readonly source: string };

const MAX_DEPTH = 4;

/** Every reference into the sources, down to nested fields, for autocomplete. */
export const referenceCandidates = (sources: readonly TUpstreamSource[]): TCandidate[] => {
  const out: TCandidate[] = [];
  for (const source of sources) {
    const walk = (ref: string, schema: TUpstreamSource["schema"], depth: number) => {
      out.push({ ref, type: describeType(schema, source.schema), source: source.label });
      if (depth >= MAX_DEPTH) return;
      for (const field of schemaFields(schema, source.schema)) {
        walk(`${ref}.${field.name}`, field.schema, depth + 1);
      }
    };
    walk(source.ref, source.schema, 0);
  }
  return out;
};

/** Candidates matching what was typed: prefix matches first, then any that contain it. */
export const matchCandidates = (
  candidates: readonly TCandidate[],
  typed: string,
  limit = 12,
): TCandidate[] => {
  const text = typed.trim().toLowerCase();
  if (!text) return candidates.slice(0, limit);
  const prefix = candidates.filter((c) => c.ref.toLowerCase().startsWith(text));
  const inside = candidates.filter(
    (c) => !c.ref.toLowerCase().startsWith(text) && c.ref.toLowerCase().includes(text),
  );
  return [...prefix, ...inside].slice(0, limit);
};
