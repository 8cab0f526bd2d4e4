import { readFile } from "node:fs/promises";
import { BatonError, listNodes, type TRunEvent } from "@baton/model";
import { recordAudit } from "../audit/record-audit.ts";
import { loadConfig } from "../config.ts";
import { publishDefinition } from "../runs/publish-definition.ts";
import { parseScenarioFile } from "../scenarios/parse-scenario-file.ts";
import { openServices } from "../services.ts";
import { parseJsonOption, readJsonFile } from "./read-json-file.ts";

const ENDED = new Set(["run.succeeded", "run.failed", "run.cancelled"]);

type TEventData = {
  nodeId?: string;
  scope?: string;
  items?: number;
  attempt?: number;
  delayMs?: number;
  error?: { message?: string };
  task?: boolean;
};

/** One line per step as it finishes, like a CI log. */
const describe = (
  event: TRunEvent,
  labels: Map<string, string>,
  started: Map<string, number>,
): string | undefined => {
  const data = (event.data ?? {}) as TEventData;
  // a step inside a map body runs once per item: name the item
  const item = data.scope ? ` [item ${data.scope}]` : "";
  const label = data.nodeId
    ? `${labels.get(data.nodeId) ?? data.nodeId} (${data.nodeId})${item}`
    : "";
  const key = `${data.scope ?? ""}|${data.nodeId}`;
  const took = started.has(key)
    ? ` ${new Date(event.createdAt).getTime() - started.get(key)!} ms`
    : "";
  switch (event.type) {
    case "step.started":
      started.set(key, new Date(event.createdAt).getTime());
      return undefined;
    case "step.succeeded":
      return `  ✓ ${label}${took}`;
    case "step.failed":
      return `  ✗ ${label}: ${data.error?.message ?? "failed"}`;
    case "step.retrying":
      return `  ↻ ${label}: attempt ${data.attempt} failed (${data.error?.message}); next attempt in ${data.delayMs} ms`;
    case "step.skipped":
      return `  – ${label} skipped`;
    case "step.waiting":
      return data.task
        ? `  ⏸ ${label}: waiting for a person — decide the task in the web app (Tasks), or press Ctrl-C: the run waits`
        : data.items !== undefined
          ? `  ⏸ ${label}: running its body for ${data.items} items`
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
    if (published) {
      await recordAudit(services.db.prisma, {
        actorId: null,
        action: "scenario.publish",
        target: (
          await services.db.prisma.scenarioVersion.findUniqueOrThrow({
            where: { id: versionId },
            select: { scenarioId: true },
          })
        ).scenarioId,
        data: { versionId, version, via: "cli" },
      });
    }
    const labels = new Map(listNodes(scenario).map(({ node }) => [node.id, node.label]));
    const started = new Map<string, number>();
    let runId: string | undefined;
    const early: TRunEvent[] = [];
    let finish: (event: TRunEvent) => void = () => {};
    const ended = new Promise<TRunEvent>((resolve) => {
      finish = resolve;
    });
    const handle = (event: TRunEvent) => {
      const line = describe(event, labels, started);
      if (line) console.log(line);
      if (ENDED.has(event.type)) finish(event);
    };
    const unsubscribe = services.engine.events.subscribe(null, (event) => {
      if (!runId) early.push(event);
      else if (event.runId === runId) handle(event);
    });
    try {
      runId = (await services.engine.startRun({ versionId, input, trigger: "cli" })).runId;
      await recordAudit(services.db.prisma, {
        actorId: null,
        action: "run.start",
        target: runId,
        data: { versionId, trigger: "cli" },
      });
      for (const event of early.filter((e) => e.runId === runId)) handle(event);
      await ended;
    } finally {
      unsubscribe();
    }
    const run = await services.db.prisma.run.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, output: true, error: true },
    });
    console.log(`run ${runId} ${run.status}`);
    console.log(JSON.stringify(run.status === "succeeded" ? run.output : run.error, null, 2));
    process.exitCode = run.status === "succeeded" ? 0 : 1;
  } finally {
    await close();
  }
};
