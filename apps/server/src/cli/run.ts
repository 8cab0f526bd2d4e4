import { readFile } from "node:fs/promises";
import { BatonError, listNodes, type TRunEvent } from "@baton/model";
import { loadConfig } from "../config.ts";
import { publishDefinition } from "../runs/publish-definition.ts";
import { startRun } from "../runs/start-run.ts";
import { parseScenarioFile } from "../scenarios/parse-scenario-file.ts";
import { openServices } from "../services.ts";
import { parseJsonOption, readJsonFile } from "./read-json-file.ts";

/** One line per step as it finishes, like a CI log. */
const describe = (
  event: TRunEvent,
  labels: Map<string, string>,
  started: Map<string, number>,
): string | undefined => {
  if (!event.type.startsWith("step.")) return undefined;
  const data = event.data as { nodeId: string; scope: string };
  // a step inside a map body runs once per item: name the item
  const item = data.scope ? ` [item ${data.scope}]` : "";
  const label = `${labels.get(data.nodeId) ?? data.nodeId} (${data.nodeId})${item}`;
  const key = `${data.scope}|${data.nodeId}`;
  const at = new Date(event.createdAt).getTime();
  const took = started.has(key) ? ` ${at - started.get(key)!} ms` : "";
  switch (event.type) {
    case "step.started":
      started.set(key, at);
      return undefined;
    case "step.succeeded":
      return `  ✓ ${label}${took}`;
    case "step.failed":
      return `  ✗ ${label}: ${event.data.error.message}`;
    case "step.retrying":
      return `  ↻ ${label}: attempt ${event.data.attempt} failed (${event.data.error.message}); next attempt in ${event.data.delayMs} ms`;
    case "step.skipped":
      return `  – ${label} skipped`;
    case "step.waiting":
      return event.data.task
        ? `  ⏸ ${label}: waiting for a person — decide the task in the web app (Tasks), or press Ctrl-C: the run waits`
        : event.data.items !== undefined
          ? `  ⏸ ${label}: running its body for ${event.data.items} items`
          : `  ⏸ ${label}: waiting`;
    default:
      return undefined;
  }
};

/**
 * `baton run scenario.json --input '{…}'`: publishes the file's scenario if it changed,
 * runs it on this machine's engine and prints each step as it finishes, then the output.
 * Exits 0 when the run succeeded, 1 otherwise.
 */
export const runCommand = async (file: string, options: { input?: string; inputFile?: string }) => {
  const config = loadConfig();
  const scenario = parseScenarioFile(
    await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new BatonError(
        "BAD_INPUT",
        `cannot read the scenario ${file}: ${error.code ?? error.message}`,
      );
    }),
    file,
    config.limits.jsonDepth,
  );
  if (options.input && options.inputFile)
    throw new BatonError("BAD_INPUT", "give --input or --input-file, not both");
  const input = options.inputFile
    ? await readJsonFile(options.inputFile, "input")
    : options.input
      ? parseJsonOption(options.input, "--input")
      : {};

  const { services, close } = await openServices(config);
  try {
    await services.engine.startWorkers();
    const { versionId, version, published } = await publishDefinition(services.db.prisma, scenario);
    console.log(`${scenario.name} v${version}${published ? " (just published)" : ""}`);
    const labels = new Map(listNodes(scenario).map(({ node }) => [node.id, node.label]));
    const started = new Map<string, number>();
    const { runId, outcome } = await startRun(services, {
      target: { versionId },
      input,
      trigger: "cli",
      actorId: null,
      // a person may have to decide a task: wait as long as it takes (Ctrl-C leaves the run)
      waitMs: 2 ** 31 - 1,
      onEvent: (event) => {
        const line = describe(event, labels, started);
        if (line) console.log(line);
      },
    });
    const run = outcome!;
    console.log(`run ${runId} ${run.status}`);
    console.log(JSON.stringify(run.status === "succeeded" ? run.output : run.error, null, 2));
    process.exitCode = run.status === "succeeded" ? 0 : 1;
  } finally {
    await close();
  }
};
