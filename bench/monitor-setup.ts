/**
 * What the monitor benchmark sets up on a running server: a published 500-step scenario
 * (a manual gate, then parallel chains of a local function) and runs of it.
 */
import { setTimeout as sleep } from "node:timers/promises";

const LANES = 10;
// start, the approval gate and the end, plus the function steps: 500 nodes in all
const FUNCTION_STEPS = 497;

type TNodeSpec = Record<string, unknown> & { id: string };

/** start → a manual gate → 10 parallel chains of ValidateEmail → end. */
export const scenario500 = () => {
  const nodes: TNodeSpec[] = [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: 540 },
      inputSchema: {
        type: "object",
        properties: { email: { type: "string", format: "email", maxLength: 254 } },
        required: ["email"],
        additionalProperties: false,
      },
    },
    {
      id: "gate",
      kind: "manual",
      label: "Go",
      title: "Let the benchmark run go",
      assignees: { roles: [], users: [] },
      position: { x: 240, y: 540 },
    },
  ];
  const edges: Record<string, string>[] = [
    { id: "e-start", kind: "next", source: "start", target: "gate" },
  ];
  const perLane = Math.ceil(FUNCTION_STEPS / LANES);
  let made = 0;
  for (let lane = 0; lane < LANES; lane++) {
    let previous = "gate";
    for (let col = 0; col < perLane && made < FUNCTION_STEPS; col++, made++) {
      const id = `s${lane}_${col}`;
      nodes.push({
        id,
        kind: "function",
        label: `Check ${lane}.${col}`,
        function: "examples/ValidateEmail",
        input: { email: { ref: "input.email" } },
        position: { x: 480 + col * 240, y: lane * 120 },
      });
      edges.push({ id: `e-${id}`, kind: "next", source: previous, target: id });
      previous = id;
    }
    edges.push({ id: `e-end-${lane}`, kind: "next", source: previous, target: "end" });
  }
  nodes.push({
    id: "end",
    kind: "end",
    label: "Done",
    output: { email: { ref: "input.email" } },
    position: { x: 480 + perLane * 240, y: 540 },
  });
  return {
    format: "baton.scenario/v1",
    slug: "bench-monitor-500",
    name: "Monitor benchmark (500 steps)",
    nodes,
    edges,
  };
};

// A kept-alive connection the busy server has just closed resets the next request on it;
// a query is safe to send again.
const getWithRetry = async (url: string, cookie: string, tries = 3): Promise<Response> => {
  try {
    return await fetch(url, { headers: { cookie } });
  } catch (error) {
    if (tries <= 1) throw error;
    await sleep(200);
    return getWithRetry(url, cookie, tries - 1);
  }
};

/** Calls a procedure as the signed-in user whose Cookie header is given. */
export const api =
  (base: string, cookie: string) =>
  async (procedure: string, input: unknown, kind: "query" | "mutation") => {
    const url = `${base}/trpc/${procedure}`;
    const response =
      kind === "query"
        ? await getWithRetry(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, cookie)
        : await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify(input),
          });
    const body = (await response.json()) as {
      result?: { data: unknown };
      error?: { message: string };
    };
    if (!response.ok || !body.result) {
      throw new Error(`${procedure}: ${body.error?.message ?? response.status}`);
    }
    return body.result.data;
  };

export type TCall = ReturnType<typeof api>;

export const waitForRun = async (
  call: TCall,
  runId: string,
  statuses: string[],
  timeoutMs: number,
) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = (await call("runs.list", { limit: 200 }, "query")) as {
      items: { id: string; status: string }[];
    };
    const status = run.items.find((r) => r.id === runId)?.status;
    if (status && statuses.includes(status)) return status;
    await sleep(500);
  }
  throw new Error(`run ${runId} did not reach ${statuses.join("/")} in time`);
};

export const openTaskOf = async (call: TCall, runId: string) => {
  for (let i = 0; i < 120; i++) {
    const tasks = (await call("tasks.list", { limit: 200 }, "query")) as {
      items: { id: string; run: { id: string } }[];
    };
    const task = tasks.items.find((t) => t.run.id === runId);
    if (task) return task.id;
    await sleep(250);
  }
  throw new Error(`run ${runId} opened no task`);
};

/** Publishes the 500-step scenario; the function it returns starts a run of it. */
export const publish500 = async (call: TCall) => {
  const imported = (await call(
    "scenarios.import",
    { json: JSON.stringify(scenario500()) },
    "mutation",
  )) as { id: string; draftUpdatedAt: string };
  const version = (await call(
    "scenarios.publish",
    { id: imported.id, draftUpdatedAt: imported.draftUpdatedAt },
    "mutation",
  )) as { id: string };
  return async (): Promise<string> =>
    (
      (await call(
        "runs.start",
        { versionId: version.id, input: { email: "bench@example.com" } },
        "mutation",
      )) as { runId: string }
    ).runId;
};
