import type { IncomingMessage, ServerResponse } from "node:http";
import type { TRunEvent } from "@baton/engine";
import { isBatonError, type TBatonErrorCode } from "@baton/model";
import { recordAudit } from "../audit/record-audit.ts";
import { resolveVersion } from "../runs/resolve-version.ts";
import type { TAppServices } from "../trpc/trpc.ts";
import { hookRefusal } from "./hook-token.ts";

const MAX_BODY = 1024 * 1024;
const MAX_WAIT_S = 300;
const ENDED = new Set(["run.succeeded", "run.failed", "run.cancelled"]);

const statusOf: Partial<Record<TBatonErrorCode, number>> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 409,
  CONFLICT: 409,
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error("The body is larger than 1 MiB."), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8").trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(
          Object.assign(new Error(`The body is not JSON: ${(error as Error).message}`), {
            status: 400,
          }),
        );
      }
    });
    req.on("error", reject);
  });

/**
 * `POST /hooks/<scenario slug>` with the input as the JSON body starts a run of the
 * latest published version and answers `202 { runId }` at once; with `?wait=<seconds>`
 * it answers when the run ends: `200 { runId, status, output }` when it succeeded,
 * `422 { runId, status, error }` when it failed or was cancelled, or `202` with the
 * status so far when the wait ran out. Callers prove themselves with the webhook token
 * (BATON_HOOK_TOKEN); there is no session and so nothing for another site to ride on.
 */
export const handleWebhook = async (
  services: TAppServices,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const slug = decodeURIComponent(url.pathname.slice("/hooks/".length));
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return send(res, 405, { error: "Use POST with the run's input as a JSON body." });
  }
  const refusal = hookRefusal(services.config.hookToken, req.headers);
  if (refusal) return send(res, refusal.status, { error: refusal.error });
  const waitParam = url.searchParams.get("wait");
  const waitS = waitParam === null ? 0 : Number(waitParam);
  if (!Number.isFinite(waitS) || waitS < 0 || waitS > MAX_WAIT_S) {
    return send(res, 400, {
      error: `wait must be a number of seconds between 0 and ${MAX_WAIT_S}.`,
    });
  }
  let input: unknown;
  try {
    input = await readJson(req);
  } catch (error) {
    return send(res, (error as { status?: number }).status ?? 400, {
      error: (error as Error).message,
    });
  }

  const ended: TRunEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = waitS
    ? services.engine.events.subscribe(null, (event) => {
        if (ENDED.has(event.type)) {
          ended.push(event);
          wake?.();
        }
      })
    : () => {};
  try {
    const versionId = await resolveVersion(services.db.prisma, { scenario: slug });
    const { runId } = await services.engine.startRun({ versionId, input, trigger: "webhook" });
    await recordAudit(services.db.prisma, {
      actorId: null,
      action: "run.start",
      target: runId,
      data: { versionId, trigger: "webhook", scenario: slug },
    });
    if (!waitS) return send(res, 202, { runId });
    const deadline = Date.now() + waitS * 1000;
    while (!ended.some((e) => e.runId === runId) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.min(1000, deadline - Date.now()));
      });
    }
    const run = await services.db.prisma.run.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, output: true, error: true },
    });
    if (run.status === "succeeded")
      return send(res, 200, { runId, status: run.status, output: run.output });
    if (run.status === "failed" || run.status === "cancelled") {
      return send(res, 422, { runId, status: run.status, error: run.error });
    }
    return send(res, 202, { runId, status: run.status });
  } catch (error) {
    if (isBatonError(error)) {
      return send(res, statusOf[error.code] ?? 500, {
        error: error.message,
        details: error.details,
      });
    }
    console.error("[webhook] failed:", error);
    return send(res, 500, {
      error: "The server failed to start the run; its log has the details.",
    });
  } finally {
    unsubscribe();
  }
};
