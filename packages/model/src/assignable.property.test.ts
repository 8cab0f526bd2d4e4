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

// Ajv is the judge, set up as Baton's validators are. allErrors also matters for correctness:
// without it Ajv 8.20 skips `contains` on arrays shorter than `prefixItems`.
// Skipping meta-validation and code optimisation only makes compiling faster.
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  logger: false,
  validateSchema: false,
  code: { optimize: false },
});
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

type TStats = { pairs: number; proved: number; values: number };

/**
 * Whenever assignable(S, T) is ok, every value Ajv accepts for S must be accepted for T.
 * Values come from S's shape, from T's shape and from nowhere in particular.
 */
const checkPair = (source: object, target: object, draws: number[], stats: TStats): void => {
  stats.pairs++;
  if (!assignable(source as never, target as never).ok) return;
  stats.proved++;
  const validSource = validator(source);
  const validTarget = validator(target);
  if (!validSource || !validTarget) return;
  const t = new Tape(draws);
  for (let i = 0; i < 16; i++) {
    const value =
      i < 10
        ? valueFor(source, source as never, t)
        : i < 13
          ? valueFor(target, target as never, t)
          : randomJsonFor(t);
    if (!validSource(value)) continue;
    stats.values++;
    if (!validTarget(value)) {
      expect.fail(
        `assignable proved a pair Ajv disagrees with: ${JSON.stringify({ source, target, value })}`,
      );
    }
  }
};

describe("assignable is sound (property-based, checked by Ajv)", () => {
  it("for a target derived from the source by loosening, tightening or replacing parts", () => {
    const stats: TStats = { pairs: 0, proved: 0, values: 0 };
    fc.assert(
      fc.property(rootSchema, rootSchema, tape, tape, (source, other, mutations, draws) => {
        const m = new Tape(mutations);
        const pool = [
          ...(other.allOf as unknown[]),
          { type: "string" },
          true,
          { type: ["integer", "null"] },
        ];
        const target = mutate(source, m, () => m.pick(pool)) as object;
        checkPair(source, target, draws, stats);
      }),
      { numRuns: 5_000 },
    );
    expect(stats.pairs).toBe(5_000);
    // Enough proved pairs and checked values that the property says something.
    expect(stats.proved).toBeGreaterThan(2_000);
    expect(stats.values).toBeGreaterThan(6_000);
  }, 120_000);

  it("for independent random pairs", () => {
    const stats: TStats = { pairs: 0, proved: 0, values: 0 };
    fc.assert(
      fc.property(rootSchema, rootSchema, tape, (source, target, draws) =>
        checkPair(source, target, draws, stats),
      ),
      { numRuns: 5_000 },
    );
    expect(stats.pairs).toBe(5_000);
    expect(stats.proved).toBeGreaterThan(250);
  }, 60_000);

  it("proves most schemas assignable to themselves", () => {
    let proved = 0;
    fc.assert(
      fc.property(rootSchema, (schema) => {
        if (assignable(schema, schema).ok) proved++;
      }),
      { numRuns: 1_000 },
    );
    // Self-assignability fails only where Baton must stay cautious (overlapping oneOf, patterns
    // on unknown keys); a sharp drop would mean lost precision.
    expect(proved).toBeGreaterThan(850);
  }, 60_000);
});
