/**
 * A 500-node scenario for the designer benchmark: 25 parallel lanes of ValidateEmail steps,
 * laid out as a grid, joined at the end — every step mapped, so the live check is clean.
 */
const LANES = 25;
// start and end, plus the function steps: 500 nodes in all
const FUNCTION_STEPS = 498;
const COLUMN = 280;
const ROW = 140;

type TNodeSpec = Record<string, unknown> & { id: string };
type TEdgeSpec = { id: string; kind: "next"; source: string; target: string };

export const designerScenario500 = (slug: string) => {
  const columns = Math.ceil(FUNCTION_STEPS / LANES);
  const nodes: TNodeSpec[] = [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: ((LANES - 1) * ROW) / 2 },
      inputSchema: {
        type: "object",
        properties: { email: { type: "string", format: "email", maxLength: 254 } },
        required: ["email"],
        additionalProperties: false,
      },
    },
  ];
  const edges: TEdgeSpec[] = [];
  for (let i = 0; i < FUNCTION_STEPS; i++) {
    const column = Math.floor(i / LANES);
    const lane = i % LANES;
    const id = `v${i}`;
    nodes.push({
      id,
      kind: "function",
      label: `Check ${lane + 1}.${column + 1}`,
      function: "examples/ValidateEmail",
      input: { email: { ref: "input.email" } },
      position: { x: (column + 1) * COLUMN, y: lane * ROW },
    });
    const source = column === 0 ? "start" : `v${i - LANES}`;
    edges.push({ id: `e-${id}`, kind: "next", source, target: id });
    const last = i + LANES >= FUNCTION_STEPS;
    if (last) edges.push({ id: `e-${id}-end`, kind: "next", source: id, target: "end" });
  }
  nodes.push({
    id: "end",
    kind: "end",
    label: "End",
    // A join of every lane: the output names what it returns.
    output: { checked: { literal: FUNCTION_STEPS } },
    position: { x: (columns + 1) * COLUMN, y: ((LANES - 1) * ROW) / 2 },
  });
  return {
    format: "baton.scenario/v1",
    slug,
    name: "Designer benchmark (500 nodes)",
    nodes,
    edges,
  };
};
