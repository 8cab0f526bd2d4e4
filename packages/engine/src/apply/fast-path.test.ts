import { describe, expect, it } from "vitest";
import { branch, end, fn, next, start } from "../../test/scenario-builders.ts";
import { toVersion } from "../versions.ts";
import { fastFormOf, startFastForm } from "./fast-path.ts";

const versionOf = (nodes: Parameters<typeof toVersion>[0]["definition"]) =>
  toVersion({ id: "v1", scenarioId: "s1", version: 1, definition: nodes });
const scenario = (nodes: unknown[], edges: unknown[]) => ({
  format: "baton.scenario/v1",
  slug: "fast",
  name: "fast",
  nodes,
  edges,
});
const at = { runId: "r1", versionId: "v1", scope: "" };
const succeed = (nodeId: string) => ({
  kind: "succeed-step" as const,
  at,
  step: { id: `${nodeId}-run`, nodeId, attempt: 1 },
  output: { ok: true },
});

const chain = versionOf(
  scenario(
    [start(), fn("a", "Noop"), fn("b", "Noop"), end()],
    [next("start", "a"), next("a", "b"), next("b", "end")],
  ),
);

describe("the hot path", () => {
  it("stores a plain chain step and its successor in one statement", () => {
    expect(fastFormOf(chain, [succeed("a")], { child: false })).toEqual({
      kind: "chain-step",
      effect: succeed("a"),
      targets: ["b"],
    });
    expect(
      startFastForm(chain, { kind: "create-run", versionId: "v1", input: {}, trigger: "api" }),
    ).toEqual(["a"]);
  });

  it("ends a plain run in one statement, unless another run waits for it", () => {
    expect(fastFormOf(chain, [succeed("end")], { child: false })?.kind).toBe("run-end");
    expect(fastFormOf(chain, [succeed("end")], { child: true })).toBeUndefined();
  });

  it("leaves to the applier what needs reading: joins and choices", () => {
    const join = versionOf(
      scenario(
        [start(), fn("a", "Noop"), fn("b", "Noop"), fn("c", "Noop"), end()],
        [next("start", "a"), next("start", "b"), next("a", "c"), next("b", "c"), next("c", "end")],
      ),
    );
    expect(fastFormOf(join, [succeed("a")], { child: false })).toBeUndefined();
    const pick = versionOf(
      scenario(
        [
          start(),
          {
            id: "pick",
            kind: "choice",
            label: "p",
            position: { x: 0, y: 0 },
            rules: [],
            default: "x",
          },
          fn("a", "Noop"),
          end(),
        ],
        [next("start", "pick"), branch("pick", "a", "x"), next("a", "end")],
      ),
    );
    expect(
      fastFormOf(pick, [{ ...succeed("pick"), branch: "x" }], { child: false }),
    ).toBeUndefined();
    expect(fastFormOf(chain, [succeed("a"), succeed("b")], { child: false })).toBeUndefined();
  });
});
