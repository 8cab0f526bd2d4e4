import { SCENARIO_FORMAT, type TScenario } from "@baton/model";

/** What a new scenario starts as: a start wired to an end, so it is runnable from the outset. */
export const initialDraft = (name: string, slug: string): TScenario => ({
  format: SCENARIO_FORMAT,
  slug,
  name,
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: 0 },
      inputSchema: { type: "object", properties: {}, additionalProperties: true },
    },
    { id: "end", kind: "end", label: "End", position: { x: 480, y: 0 } },
  ],
  edges: [{ id: "start-end", kind: "next", source: "start", target: "end" }],
});
