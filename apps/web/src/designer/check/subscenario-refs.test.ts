import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { subscenarioRefs } from "./subscenario-refs.ts";

describe("subscenarioRefs", () => {
  it("lists each called version once", () => {
    const scenario = everyKindScenario();
    const called = scenario.nodes.flatMap((n) => (n.kind === "subscenario" ? [n.scenario] : []));
    expect(called.length).toBeGreaterThan(0);
    expect(subscenarioRefs({ ...scenario, nodes: [...scenario.nodes, ...scenario.nodes] })).toEqual(
      [...new Map(called.map((r) => [`${r.slug}@${r.version}`, r])).values()].map(
        ({ slug, version }) => ({ slug, version }),
      ),
    );
  });
});
