import { isSchemaObject } from "../json-schema.ts";
import type { TArrayAlt, TContains } from "./alternatives.ts";
import { describeAlt, plural } from "./describe.ts";
import type { TSchemaNode } from "./node.ts";
import { isEmptyNodes } from "./normalize.ts";
import { childAt, fits, needs, type TAt, type TWalk, unproven } from "./walk.ts";

const itemsAt = (alt: TArrayAlt, index: number): readonly TSchemaNode[] =>
  alt.prefix[index] ?? alt.rest;

export const compareArray = (source: TArrayAlt, target: TArrayAlt, at: TAt, walk: TWalk): void => {
  const what = describeAlt(target);
  const least = leastItems(source);
  const most = mostItems(source);
  // No list is long enough and short enough at once: nothing to check.
  if (least > most) return;
  if (least < target.minItems) {
    needs(
      walk,
      at,
      what,
      least === 0 ? canBeEmpty(source) : `can have fewer than ${plural(target.minItems, "item")}`,
      { minItems: target.minItems },
    );
  }
  if (target.maxItems !== undefined && most > target.maxItems) {
    needs(
      walk,
      at,
      `at most ${plural(target.maxItems, "item")}`,
      "can have more",
      { maxItems: target.maxItems },
      "extra",
    );
  }
  if (target.unique && !source.unique && most > 1) {
    needs(walk, at, "a list without repeated items", "can repeat items", { uniqueItems: true });
  }
  const length = Math.max(source.prefix.length, target.prefix.length);
  for (let index = 0; index < length && index < most; index++) {
    const items = itemsAt(source, index);
    const wanted = itemsAt(target, index);
    if (wanted.length > 0) walk.compare(items, wanted, childAt(at, `[${index}]`, items));
  }
  if (most > length && target.rest.length > 0) {
    if (isEmptyNodes(target.rest)) {
      needs(
        walk,
        at,
        `at most ${plural(length, "item")}`,
        "can have more",
        { maxItems: length },
        "extra",
      );
    } else {
      walk.compare(source.rest, target.rest, childAt(at, "[]", source.rest));
    }
  }
  for (const contains of target.contains) {
    if (contains.min === 0 && contains.max === undefined) continue;
    if (containsHolds(source, contains, walk)) continue;
    if (least === 0 && contains.min > 0) {
      needs(walk, at, "a list that contains a matching item", canBeEmpty(source));
    } else {
      unproven(
        walk,
        at,
        "a list with matching items (contains)",
        `Baton cannot prove that ${at.source} always has them`,
      );
    }
  }
};

const acceptsEverything = (node: TSchemaNode): boolean =>
  node.kind === "json" &&
  (node.schema === true || (isSchemaObject(node.schema) && Object.keys(node.schema).length === 0));

/**
 * Whether Ajv 8.20 really checks a `contains` on an empty list. With minContains 1 and no
 * maxContains it reads a flag that an earlier list checked by the same schema (an earlier
 * item, another value of the object, another use of a `$ref`) may have left set, so an
 * empty list can pass; a count, or a `contains` every item matches, is checked right.
 */
const checkedWhenEmpty = (contains: TContains): boolean =>
  contains.min !== 1 || contains.max !== undefined || contains.nodes.every(acceptsEverything);

/** Why a source list can be empty, naming Ajv's lapse when the source's own `contains` looks like it forbids that. */
const canBeEmpty = (source: TArrayAlt): string =>
  source.contains.some((contains) => !checkedWhenEmpty(contains))
    ? "can be empty (Ajv 8.20 lets an empty list pass its contains after another list matched; add minItems: 1)"
    : "can be empty";

/** The source's own `contains`, where it really holds. */
const ownContains = (alt: TArrayAlt): readonly TContains[] =>
  alt.minItems > 0 ? alt.contains : alt.contains.filter(checkedWhenEmpty);

/** The fewest items a list can have, counting what its own `contains` demands. */
const leastItems = (alt: TArrayAlt): number =>
  Math.max(alt.minItems, ...ownContains(alt).map((contains) => contains.min));

/**
 * The most items a list can have: `maxItems`, or fewer where an item no value fits ends
 * it (a closed tuple: `prefixItems` with `items: false`).
 */
const mostItems = (alt: TArrayAlt): number => {
  const max = alt.maxItems ?? Number.POSITIVE_INFINITY;
  for (let index = 0; index < alt.prefix.length && index < max; index++) {
    if (isEmptyNodes(itemsAt(alt, index))) return index;
  }
  return alt.prefix.length < max && isEmptyNodes(alt.rest) ? alt.prefix.length : max;
};

/** Whether every list of the source has enough (and not too many) items matching `contains`. */
const containsHolds = (source: TArrayAlt, contains: TContains, walk: TWalk): boolean => {
  const most = mostItems(source);
  const everyItem = [...source.prefix, source.rest].every(
    (items) => isEmptyNodes(items) || fits(walk, items, contains.nodes),
  );
  if (
    everyItem &&
    leastItems(source) >= contains.min &&
    most <= (contains.max ?? Number.POSITIVE_INFINITY)
  ) {
    return true;
  }
  return (
    contains.max === undefined &&
    ownContains(source).some(
      (own) => own.min >= contains.min && fits(walk, own.nodes, contains.nodes),
    )
  );
};
