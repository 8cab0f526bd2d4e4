import { describe, expect, it } from "vitest";
import { toCanvas } from "../canvas/to-canvas.ts";
import { everyKindScenario } from "../test/fixtures.ts";
import { matchCandidates, referenceCandidates } from "./reference-candidates.ts";
import { upstreamSources } from "./upstream-sources.ts";

const user = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    address: { type: "object", properties: { city: { type: "string" } } },
  },
  required: ["id"],
};

describe("upstream sources", () => {
  it("offers the input, ancestors' outputs, and errors where an error edge leaves", () => {
    const { nodes, edges } = toCanvas(everyKindScenario());
    const sources = upstreamSources(nodes, edges, "approve", () => user, { type: "object" });
    expect(sources.map((s) => s.ref)).toEqual(["input", "steps.createUser.output"]);
    const atEnd = upstreamSources(nodes, edges, "end", () => user, { type: "object" });
    expect(atEnd.map((s) => s.ref)).toContain("steps.createUser.error");
    // parallel branches do not see each other
    const atPause = upstreamSources(nodes, edges, "pause", () => user, true).map((s) => s.ref);
    expect(atPause).not.toContain("steps.each.output");
  });
});

describe("reference candidates", () => {
  const candidates = referenceCandidates([
    {
      ref: "input",
      label: "Scenario input",
      schema: { type: "object", properties: { email: { type: "string" } } },
    },
    { ref: "steps.createUser.output", label: "Create user", schema: user },
  ]);

  it("lists nested fields with their types", () => {
    expect(candidates.map((c) => [c.ref, c.type])).toEqual([
      ["input", "object"],
      ["input.email", "string"],
      ["steps.createUser.output", "object"],
      ["steps.createUser.output.id", "string (uuid)"],
      ["steps.createUser.output.address", "object"],
      ["steps.createUser.output.address.city", "string"],
    ]);
  });

  it("matches prefixes first, then substrings", () => {
    expect(matchCandidates(candidates, "steps.createUser.output.a").map((c) => c.ref)).toEqual([
      "steps.createUser.output.address",
      "steps.createUser.output.address.city",
    ]);
    expect(matchCandidates(candidates, "city").map((c) => c.ref)).toEqual([
      "steps.createUser.output.address.city",
    ]);
  });
});
