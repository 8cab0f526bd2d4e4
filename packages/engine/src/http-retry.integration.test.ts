import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Prisma } from "@baton/db";
import type { TNode } from "@baton/model";
import { createHttpProvider } from "@baton/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, end, next, openHarness, start, type THarness } from "../test/harness.ts";

// A quote service whose first two attempts of every call answer HTTP 500; the attempt
// number is the last part of the idempotency key the engine sends with each attempt.
const document = (url: string) => ({
  openapi: "3.1.0",
  info: { title: "Quotes", version: "1" },
  servers: [{ url }],
  paths: {
    "/quotes": {
      post: {
        operationId: "createQuote",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/QuoteRequest" } },
          },
        },
        responses: {
          "201": {
            description: "the quote",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Quote" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      QuoteRequest: {
        type: "object",
        required: ["customerId"],
        properties: { customerId: { type: "string" } },
      },
      Quote: {
        type: "object",
        required: ["customerId", "totalCents"],
        properties: { customerId: { type: "string" }, totalCents: { type: "integer" } },
      },
    },
  },
});

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const send = (status: number, value: unknown) =>
        response
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify(value));
      if (request.url === "/openapi.json") return send(200, document(url));
      const attempt = Number(String(request.headers["idempotency-key"]).split(":").at(-1));
      if (attempt <= 2) return send(500, { message: "The pricing database is warming up" });
      const { customerId } = JSON.parse(body) as { customerId: string };
      send(201, { customerId, totalCents: 4_200 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each(databases)("retries by HTTP status on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind);
    h.providers.register(createHttpProvider());
    const config = { document: `${url}/openapi.json` };
    const connection = await h.db.prisma.connection.create({
      data: { name: "quotes", provider: "http", config },
    });
    const { functions } = await h.providers.discover({ name: "quotes", provider: "http", config });
    await h.db.prisma.function.createMany({
      data: functions.map((f) => ({
        connectionId: connection.id,
        ref: f.ref,
        name: f.name,
        inputSchema: f.inputSchema as Prisma.InputJsonValue,
        outputSchema: f.outputSchema as Prisma.InputJsonValue,
        locator: f.locator as Prisma.InputJsonValue,
      })),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const quote = (retryOn?: (string | number)[]): TNode => ({
    id: "quote",
    kind: "function",
    label: "Quote",
    position: { x: 0, y: 0 },
    function: "quotes/createQuote",
    input: { customerId: { ref: "input.customerId" } },
    retry: {
      maxAttempts: 3,
      initialIntervalMs: 10,
      jitter: false,
      ...(retryOn ? { retryOn: retryOn as never } : {}),
    },
  });

  const runWith = async (step: TNode) => {
    const versionId = await h.publish({
      nodes: [
        start({ type: "object", properties: { customerId: { type: "string" } } }),
        step,
        end({ total: { ref: "steps.quote.output.totalCents" } }),
      ],
      edges: [next("start", "quote"), next("quote", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { customerId: "c-1" } });
    const run = await h.waitForRun(runId);
    const attempts = await h.db.prisma.stepAttempt.findMany({
      where: { stepRun: { runId, nodeId: "quote" } },
      orderBy: { attempt: "asc" },
    });
    return { run, attempts };
  };

  it("succeeds on the third attempt when retryOn lists 500", async () => {
    const { run, attempts } = await runWith(quote(["timeout", "throttled", "unavailable", 500]));
    expect(run).toMatchObject({ status: "succeeded", output: { total: 4_200 } });
    expect(attempts.map((a) => a.status)).toEqual(["failed", "failed", "succeeded"]);
    expect(attempts[0]!.error).toMatchObject({
      code: "function_error",
      message: "The pricing database is warming up",
      details: { status: 500, provider: "http" },
    });
  });

  it("retries a range of statuses the same way", async () => {
    const { run } = await runWith(quote(["500-599"]));
    expect(run.status).toBe("succeeded");
  });

  it("fails at once on a 500 when retryOn leaves it out", async () => {
    const { run, attempts } = await runWith(quote());
    expect(run.status).toBe("failed");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.error).toMatchObject({ code: "function_error", details: { status: 500 } });
  });
});
