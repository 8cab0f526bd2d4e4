import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mutate,
  randomJsonFor,
  rootSchema,
  Tape,
  tape,
  valueFor,
} from "../test/schema-arbitraries.ts";
import { assignable } from "./assignable.ts";

const ajv = new Ajv2020({ strict: false, logger: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction | null>();
const validator = (schema: unknown): ValidateFunction | null => {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    try {
      validate = ajv.compile(schema as object);
    } catch {
      validate = null;
    }
    compiled.set(key, validate);
  }
  return validate;
};

const VALUES_PER_PAIR = 16;

describe("assignable is sound", () => {
  it("never proves a pair for which Ajv finds a value valid for the source and invalid for the target", () => {
    let proved = 0;
    let valuesChecked = 0;
    fc.assert(
      fc.property(rootSchema, rootSchema, tape, tape, (source, other, mutations, draws) => {
        const pool = [other.allOf, { type: "string" }, true, { type: ["integer", "null"] }].flat();
        const m = new Tape(mutations);
        const target = mutate(source, m, () => m.pick(pool)) as Record<string, unknown>;
        if (!assignable(source, target).ok) return;
        proved++;
        const validSource = validator(source);
        const validTarget = validator(target);
        if (!validSource || !validTarget) return;
        const t = new Tape(draws);
        for (let i = 0; i < VALUES_PER_PAIR; i++) {
          const value =
            i < 10
              ? valueFor(source, source, t)
              : i < 13
                ? valueFor(target, target, t)
                : randomJsonFor(t);
          if (!validSource(value)) continue;
          valuesChecked++;
          expect(validTarget(value), JSON.stringify({ value })).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
    // The generator must produce provable pairs, or the property says little.
    expect(proved).toBeGreaterThan(2_000);
    expect(valuesChecked).toBeGreaterThan(5_000);
  });
});
