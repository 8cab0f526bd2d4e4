import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import {
  mutate,
  randomJsonFor,
  rootSchema,
  Tape,
  tape,
  valueFor,
} from "../test/schema-arbitraries.ts";
import { assignable } from "./assignable.ts";

const ajv = new Ajv2020({
  strict: false,
  logger: false,
  validateSchema: false,
  code: { optimize: false },
});
addFormats(ajv);
const compiled = new Map<string, ValidateFunction | null>();
const validator = (schema: unknown) => {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (v === undefined) {
    try {
      v = ajv.compile(schema as object);
    } catch {
      v = null;
    }
    compiled.set(key, v);
  }
  return v;
};
let proved = 0;
const N = Number(process.argv[2] ?? 1000);
const independent = process.argv[4] === "i";
fc.assert(
  fc.property(rootSchema, rootSchema, tape, tape, (source, other, mutations, draws) => {
    const pool = [
      ...(other.allOf as unknown[]),
      { type: "string" },
      true,
      { type: ["integer", "null"] },
    ];
    const m = new Tape(mutations);
    const target = independent
      ? other
      : (mutate(source, m, () => m.pick(pool)) as Record<string, unknown>);
    if (!assignable(source, target).ok) return;
    proved++;
    const vs = validator(source),
      vt = validator(target);
    if (!vs || !vt) return;
    const t = new Tape(draws);
    for (let i = 0; i < 24; i++) {
      const value =
        i < 14
          ? valueFor(source, source, t)
          : i < 19
            ? valueFor(target, target, t)
            : randomJsonFor(t);
      if (!vs(value)) continue;
      if (!vt(value)) {
        console.log("FAIL", JSON.stringify({ value, source, target }));
        process.exit(1);
      }
    }
  }),
  { numRuns: N, seed: Number(process.argv[3] ?? Date.now() % 100000) },
);
console.log({ N, proved });
