import { describe, expect, it } from "vitest";
import {
  evaluateExpression,
  evaluateToJson,
  parseExpression,
  unboundedRecursion,
} from "./expression.ts";

const recursion = (text: string) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return unboundedRecursion(parsed.expression);
};

describe("unbounded recursion", () => {
  it("finds a function that calls itself whatever its arguments", () => {
    expect(recursion("($f := function($n){ $f($n+1) }; $f(0))")).toEqual(["f"]);
    expect(recursion("($loop := function($n){ 1 + $loop($n) }; $loop(0))")).toEqual(["loop"]);
    expect(recursion("($g := function(){ ($x := 1; $g()) }; $g())")).toEqual(["g"]);
  });

  it("leaves recursions that may end alone", () => {
    expect(recursion("($f := function($n){ $n > 10 ? $n : $f($n+1) }; $f(0))")).toEqual([]);
    expect(recursion("($f := function($l){ $count($l) and $f($l[[1..9]]) }; $f([1,2]))")).toEqual(
      [],
    );
    expect(recursion("($f := function($l){ $map($l, function($x){ $f($x) }) }; $f([]))")).toEqual(
      [],
    );
    expect(recursion("$sum(input.xs)")).toEqual([]);
  });
});

describe("evaluating on the calling thread", () => {
  const context = { input: { xs: [1, 2, 3] }, steps: {} };

  it("keeps only JSON of the result", async () => {
    expect(await evaluateToJson("$sum(input.xs)", context)).toBe("6");
    expect(await evaluateToJson("input.nothing", context)).toBeUndefined();
    expect(await evaluateToJson("function($x){ $x }", context)).toBe("null");
    expect(await evaluateExpression("input.xs[$ > 1]", context)).toEqual([2, 3]);
  });

  it("names the expression in its failures", async () => {
    await expect(evaluateExpression("$number('x')", context)).rejects.toThrow(
      /The expression "\$number\('x'\)" failed: /,
    );
    await expect(evaluateExpression("(", context)).rejects.toThrow(/is not valid JSONata/);
  });
});
