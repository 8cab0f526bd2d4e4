import {
  integerRange,
  isMultipleOf,
  numberFits,
  STRING_ALT,
  stringFits,
  type TAlt,
  type TBound,
  type TNumberAlt,
  type TStringAlt,
} from "./alternatives.ts";
import { describeAlt, describeValues, plural } from "./describe.ts";
import { formatImplies, formatNoun, formatsExclude } from "./format-relations.ts";
import { isKnownFormat, isTrivialFormat } from "./formats.ts";
import { isUniversalPattern } from "./unconstrained.ts";
import { needs, type TAt, type TWalk, unproven } from "./walk.ts";
import { lowerBound, upperBound } from "./wants.ts";

const MAX_ENUMERATED = 1_000;
// Ajv's multipleOf divides in floating point; below this magnitude integer division is exact.
const EXACT_INTEGER = 2 ** 31;

/** The finite values an alternative stands for, when it is small enough to list. */
export const finiteValues = (alt: TAlt): readonly unknown[] | undefined => {
  if (alt.type === "boolean") return alt.values ?? [true, false];
  if (alt.type === "string") return alt.values;
  if (alt.type !== "number") return undefined;
  if (alt.values) return alt.values;
  if (!alt.integer) return undefined;
  const { low, high } = integerRange(alt);
  if (high - low >= MAX_ENUMERATED) return undefined;
  const values: number[] = [];
  for (let value = low; value <= high; value++) if (numberFits(value, alt)) values.push(value);
  return values;
};

export const valueFits = (value: unknown, alt: TAlt): boolean => {
  switch (alt.type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean" && (!alt.values || alt.values.includes(value));
    case "number":
      return typeof value === "number" && numberFits(value, alt);
    case "string":
      return typeof value === "string" && stringFits(value, alt);
    default:
      return false;
  }
};

/** Listing only the good values settles a problem with some listed values. */
export const keepValues = (good: readonly unknown[]) =>
  good.length > 0 ? { enum: good } : undefined;

const compareValues = (values: readonly unknown[], target: TAlt, at: TAt, walk: TWalk): void => {
  const bad = values.filter((value) => !valueFits(value, target));
  if (bad.length === 0) return;
  const good = values.filter((value) => valueFits(value, target));
  needs(walk, at, describeAlt(target), `can be ${describeValues(bad)}`, keepValues(good));
};

/**
 * Compares the listed values of either side, which settle the comparison alone: a listed
 * source needs only its values checked, and a listed target rejects every unlisted source.
 * `others` says what else an unlisted source can be. True when the values settled it.
 */
const valuesSettle = <TScalar extends TNumberAlt | TStringAlt>(
  source: TScalar,
  target: TScalar,
  others: string,
  at: TAt,
  walk: TWalk,
): boolean => {
  if (source.values) compareValues(source.values, target, at, walk);
  else if (target.values)
    needs(walk, at, describeAlt(target), `can be ${others}`, { enum: target.values });
  else return false;
  return true;
};

/** Reports on `walk` the values `source` allows that `target` rejects. */
type TCompareScalar<TScalar extends TNumberAlt | TStringAlt> = (
  source: TScalar,
  target: TScalar,
  at: TAt,
  walk: TWalk,
) => void;

const lowerHolds = (source: TNumberAlt, target: TNumberAlt): boolean => {
  const { min } = target;
  if (!min) return true;
  if (source.integer) {
    const { low } = integerRange(source);
    return min.exclusive ? low > min.value : low >= min.value;
  }
  if (!source.min) return false;
  return (
    source.min.value > min.value ||
    (source.min.value === min.value && (source.min.exclusive || !min.exclusive))
  );
};

const upperHolds = (source: TNumberAlt, target: TNumberAlt): boolean => {
  const { max } = target;
  if (!max) return true;
  if (source.integer) {
    const { high } = integerRange(source);
    return max.exclusive ? high < max.value : high <= max.value;
  }
  if (!source.max) return false;
  return (
    source.max.value < max.value ||
    (source.max.value === max.value && (source.max.exclusive || !max.exclusive))
  );
};

/** What a source past the target's bound can be: "can be 5 or less" for an exclusive minimum of 5. */
const past = (bound: TBound, side: "less" | "more"): string =>
  bound.exclusive ? `can be ${bound.value} or ${side}` : `can be ${side} than ${bound.value}`;

const withinExactIntegers = (source: TNumberAlt): boolean => {
  if (!source.integer) return false;
  const { low, high } = integerRange(source);
  return low >= -EXACT_INTEGER && high <= EXACT_INTEGER;
};

const multipleHolds = (source: TNumberAlt, divisor: number): boolean => {
  // The same divisor is the same floating-point test Ajv already passed for the source.
  if (source.multipleOf.includes(divisor)) return true;
  if (!withinExactIntegers(source) || !Number.isInteger(divisor)) return false;
  return (
    divisor === 1 ||
    source.multipleOf.some((own) => Number.isInteger(own) && isMultipleOf(own, divisor))
  );
};

const numberFormatHolds = (source: TNumberAlt, format: string): boolean => {
  if (isTrivialFormat(format) || source.formats.includes(format)) return true;
  if (format === "int64") return source.integer;
  if (format === "int32") {
    const { low, high } = integerRange(source);
    return source.integer && low >= -(2 ** 31) && high <= 2 ** 31 - 1;
  }
  return false;
};

/**
 * Whether a fraction can pass `multipleOf: divisor` as Ajv tests it (the quotient must be
 * whole). With a whole divisor only a fraction so close to 0 that the quotient rounds to 0
 * can (5e-324 / 2 is 0); never with 1, where the quotient is the value itself.
 */
const fractionPasses = (source: TNumberAlt, divisor: number): boolean => {
  if (!Number.isInteger(divisor)) return true;
  if (divisor === 1) return false;
  const tiny = divisor * Number.MIN_VALUE;
  const { min, max } = source;
  const noPositive =
    (min !== undefined && min.value >= tiny) || (max !== undefined && max.value <= 0);
  const noNegative =
    (max !== undefined && max.value <= -tiny) || (min !== undefined && min.value >= 0);
  return !(noPositive && noNegative);
};

/** The source read as integers when its `multipleOf` leaves no fraction. */
const wholeNumbers = (source: TNumberAlt): TNumberAlt =>
  !source.integer && source.multipleOf.some((divisor) => !fractionPasses(source, divisor))
    ? { ...source, integer: true }
    : source;

const fractionReason = (source: TNumberAlt): string => {
  const divisor = source.multipleOf.find(Number.isInteger);
  return divisor === undefined
    ? "can be a number with a fraction"
    : `can be a number with a fraction (Ajv counts tiny fractions such as 5e-324 as multiples of ${divisor})`;
};

export const compareNumber: TCompareScalar<TNumberAlt> = (given, target, at, walk) => {
  const source = wholeNumbers(given);
  if (valuesSettle(source, target, source.integer ? "other integers" : "other numbers", at, walk))
    return;
  const what = describeAlt(target);
  if (target.integer && !source.integer)
    needs(walk, at, what, fractionReason(source), { type: "integer" });
  if (!lowerHolds(source, target) && target.min)
    needs(walk, at, what, past(target.min, "less"), lowerBound(target.min));
  if (!upperHolds(source, target) && target.max)
    needs(walk, at, what, past(target.max, "more"), upperBound(target.max));
  for (const format of target.formats) {
    if (!numberFormatHolds(source, format))
      needs(walk, at, what, `is not limited to format ${format}`, { format });
  }
  for (const divisor of target.multipleOf) {
    if (!multipleHolds(source, divisor)) {
      unproven(
        walk,
        at,
        what,
        `Baton cannot prove that ${at.source} is always a multiple of ${divisor}`,
        { multipleOf: divisor },
      );
    }
  }
};

/** A concrete string the source allows and the target rejects, if a simple one exists. */
const counterexample = (source: TStringAlt, target: TStringAlt): string | undefined => {
  const longest = Math.min(source.maxLength ?? source.minLength + 2, source.minLength + 2);
  for (let length = source.minLength; length <= longest; length++) {
    for (const unit of ["a", "0", " ", "-"]) {
      const candidate = unit.repeat(length);
      if (stringFits(candidate, source) && !stringFits(candidate, target)) return candidate;
    }
  }
  return undefined;
};

export const compareString: TCompareScalar<TStringAlt> = (source, target, at, walk) => {
  if (valuesSettle(source, target, "other strings", at, walk)) return;
  const what = describeAlt(target);
  if (source.minLength < target.minLength) {
    needs(
      walk,
      at,
      what,
      source.minLength === 0
        ? "can be empty"
        : `can be shorter than ${plural(target.minLength, "character")}`,
      { minLength: target.minLength },
    );
  }
  if (
    target.maxLength !== undefined &&
    (source.maxLength ?? Number.POSITIVE_INFINITY) > target.maxLength
  ) {
    needs(walk, at, what, `can be longer than ${plural(target.maxLength, "character")}`, {
      maxLength: target.maxLength,
    });
  }
  for (const format of target.formats) {
    if (
      !isKnownFormat(format) ||
      isTrivialFormat(format) ||
      source.formats.some((own) => formatImplies(own, format))
    )
      continue;
    const excluding = source.formats.find((own) => formatsExclude(own, format));
    if (excluding !== undefined) {
      needs(walk, at, what, `is ${formatNoun(excluding)}, which is never ${formatNoun(format)}`, {
        format,
      });
      continue;
    }
    const example = counterexample(source, { ...STRING_ALT, formats: [format] });
    if (example !== undefined) {
      needs(
        walk,
        at,
        what,
        source.formats.length > 0
          ? `can be a string (format ${source.formats.join(", ")})`
          : "can be any string",
        { format },
      );
    } else {
      unproven(walk, at, what, `Baton cannot prove that ${at.source} always has format ${format}`, {
        format,
      });
    }
  }
  for (const pattern of target.patterns) {
    if (source.patterns.includes(pattern) || isUniversalPattern(pattern)) continue;
    const example = counterexample(source, { ...STRING_ALT, patterns: [pattern] });
    if (example !== undefined) {
      needs(walk, at, what, `can be ${JSON.stringify(example)}, which does not match ${pattern}`, {
        pattern,
      });
    } else {
      unproven(walk, at, what, `Baton cannot prove that ${at.source} always matches ${pattern}`, {
        pattern,
      });
    }
  }
};
