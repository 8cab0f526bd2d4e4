import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { closedPort, type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import { type ServerlessOffline, startServerlessOffline } from "../../test/serverless-offline.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createLambdaProvider } from "./lambda-provider.ts";

const account = "123456789012";
const arn = (region: string, name: string) =>
  `arn:aws:lambda:${region}:${account}:function:${name}`;

// What the Lambda API would list: serverless-offline answers Invoke but not ListFunctions.
const deployed: Record<
  string,
  { name: string; memory: number; timeout: number; tags: Record<string, string> }[]
> = {
  "us-east-1": [
    {
      name: "baton-test-echo",
      memory: 256,
      timeout: 5,
      tags: {
        "baton:input": '{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}',
        "baton:output": '{"type":"object","required":["echo","idempotencyKey"]}',
        "baton:tags": "demo, echo",
      },
    },
    { name: "baton-test-fail", memory: 128, timeout: 3, tags: {} },
    { name: "baton-test-slow", memory: 128, timeout: 30, tags: {} },
    {
      name: "baton-test-text",
      memory: 128,
      timeout: 3,
      tags: { "baton:output": '{"type":"object"}' },
    },
    { name: "baton-test-garbled", memory: 128, timeout: 3, tags: { "baton:output": "{not json" } },
    { name: "baton-test-missing", memory: 128, timeout: 3, tags: {} },
  ],
  "eu-west-1": [{ name: "baton-test-echo", memory: 512, timeout: 5, tags: {} }],
};

const pageSize = 2;

// What Lambda itself answers when it stops a function (serverless-offline cannot): the
// payloads of real invocations that ran out of time or memory.
const requestId = "RequestId: 5a3e1c52-0d8e-4b6a-9c1f-2e7d4b9a0c13";
const platformFailures: Record<string, { errorType?: string; errorMessage: string }> = {
  "baton-test-timedout": {
    errorType: "Sandbox.Timedout",
    errorMessage: `${requestId} Error: Task timed out after 3.00 seconds`,
  },
  "baton-test-timedout-legacy": {
    errorMessage: `2026-11-21T10:00:03.012Z 5a3e1c52 Task timed out after 3.01 seconds`,
  },
  "baton-test-oom": {
    errorType: "Runtime.OutOfMemory",
    errorMessage: `${requestId} Error: Runtime exited with error: signal: killed`,
  },
  "baton-test-killed": {
    errorType: "Runtime.ExitError",
    errorMessage: `${requestId} Error: Runtime exited with error: signal: killed`,
  },
};

let offline: ServerlessOffline;
let front: Loopback;
let connection: Connection;
const { registry, catalog, problems, discover } = discoveryFixture(createLambdaProvider());
const fn = (name: string) => catalog.get(`aws/${name}`) as CatalogFunction;

beforeAll(async () => {
  offline = await startServerlessOffline();
  // Answers ListFunctions (paged) and ListTags as the Lambda API does; passes Invoke on.
  front = await startLoopback(async (request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const region =
      /Credential=[^/]+\/[^/]+\/([^/]+)\//.exec(request.headers.authorization ?? "")?.[1] ??
      "us-east-1";
    const functions = deployed[region] ?? [];
    if (request.method === "GET" && /^\/2015-03-31\/functions\/?$/.test(url.pathname)) {
      const start = Number(url.searchParams.get("Marker") ?? 0);
      const page = functions.slice(start, start + pageSize);
      return sendJson(response, 200, {
        Functions: page.map((f) => ({
          FunctionName: f.name,
          FunctionArn: arn(region, f.name),
          Runtime: "nodejs20.x",
          MemorySize: f.memory,
          Timeout: f.timeout,
          Description: `${f.name} in ${region}`,
          Architectures: ["arm64"],
        })),
        ...(start + pageSize < functions.length ? { NextMarker: String(start + pageSize) } : {}),
      });
    }
    if (request.method === "GET" && url.pathname.startsWith("/2017-03-31/tags/")) {
      const resource = decodeURIComponent(url.pathname.slice("/2017-03-31/tags/".length));
      const found = functions.find((f) => arn(region, f.name) === resource);
      if (!found)
        return sendJson(
          response,
          404,
          { Type: "User", Message: "not found" },
          { "x-amzn-errortype": "ResourceNotFoundException" },
        );
      return sendJson(response, 200, { Tags: found.tags });
    }
    const canned = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname)?.[1];
    const failed = canned ? platformFailures[canned] : undefined;
    if (failed) {
      return sendJson(response, 200, failed, {
        "x-amz-function-error": "Unhandled",
        "x-amz-executed-version": "$LATEST",
      });
    }
    if (url.pathname.includes("/functions/baton-test-garbled/")) {
      // A payload that is not JSON, which serverless-offline itself never sends.
      response.writeHead(200, { "content-type": "application/json" }).end("hello");
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([k]) => !["host", "connection", "content-length"].includes(k),
      ),
    ) as Record<string, string>;
    const upstream = await fetch(`${offline.url}${request.url}`, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : body,
    });
    const passed = Object.fromEntries(
      [...upstream.headers].filter(
        ([k]) => !["content-length", "transfer-encoding", "connection", "keep-alive"].includes(k),
      ),
    );
    response.writeHead(upstream.status, passed).end(Buffer.from(await upstream.arrayBuffer()));
  });
  connection = {
    name: "aws",
    provider: "aws-lambda",
    config: {
      regions: ["us-east-1", "eu-west-1"],
      endpoint: front.url,
      schemaDocument: fileURLToPath(
        new URL("../../test/fixtures/lambda/schemas.yaml", import.meta.url),
      ),
    },
    secret: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  };
  await discover(connection);
}, 60_000);

afterAll(async () => {
  await registry.close();
  await front?.close();
  await offline?.stop();
});

describe("aws-lambda provider", () => {
  it("lists every page of every region, renaming a name seen in an earlier region", () => {
    expect([...catalog.keys()]).toEqual([
      "aws/baton-test-echo",
      "aws/baton-test-fail",
      "aws/baton-test-slow",
      "aws/baton-test-text",
      "aws/baton-test-garbled",
      "aws/baton-test-missing",
      "aws/baton-test-echo@eu-west-1",
    ]);
    expect(fn("baton-test-echo@eu-west-1").locator).toEqual({
      arn: arn("eu-west-1", "baton-test-echo"),
      functionName: "baton-test-echo",
      region: "eu-west-1",
    });
  });

  it("takes schemas from tags (declared) or the schema document (annotated), and cost hints from the configuration", () => {
    expect(fn("baton-test-echo")).toMatchObject({
      schemaSource: "declared",
      tags: ["demo", "echo"],
      inputSchema: { required: ["a"] },
      costHints: { memoryMb: 256, timeoutMs: 5_000, runtime: "nodejs20.x", architecture: "arm64" },
    });
    expect(fn("baton-test-fail")).toMatchObject({
      schemaSource: "annotated",
      description: "Charges a card; always declines.",
      tags: ["payments"],
    });
    expect(problems).toContain(
      "baton-test-garbled: tag baton:output is not a JSON Schema; it is ignored.",
    );
    expect(problems).toContain(
      "baton-test-slow: no input or output schema; it accepts any JSON until one is attached or inferred from calls.",
    );
  });

  it("invokes through the SDK and passes the idempotency key as client context", async () => {
    const options = callOptions();
    const output = await registry.invoke(connection, fn("baton-test-echo"), { a: 1 }, options);
    expect(output).toEqual({ echo: { a: 1 }, idempotencyKey: options.idempotencyKey });
  });

  it("classifies a thrown error (FunctionError Unhandled) as function_error with its message", async () => {
    const error = await failure(
      registry.invoke(connection, fn("baton-test-fail"), { amountCents: 100 }, callOptions()),
    );
    expect(error.classification).toBe("function_error");
    expect(error.message).toBe("card_declined: the card was declined");
    expect(error.details).toMatchObject({ reason: "unhandled", errorType: "Error" });
  });

  it("classifies a payload that is not JSON, or breaks the output schema, as bad_output", async () => {
    const garbled = await failure(
      registry.invoke(connection, fn("baton-test-garbled"), {}, callOptions()),
    );
    expect(garbled.classification).toBe("bad_output");
    expect(garbled.details.reason).toBe("not_json");
    const text = await failure(
      registry.invoke(connection, fn("baton-test-text"), {}, callOptions()),
    );
    expect(text.classification).toBe("bad_output");
    expect(text.details.issues).toEqual([{ path: "/", message: "must be object" }]);
  });

  it("times out a slow function", async () => {
    const error = await failure(
      registry.invoke(connection, fn("baton-test-slow"), { ms: 3_000 }, callOptions(300)),
    );
    expect(error.classification).toBe("timeout");
  });

  it.each([
    ["baton-test-timedout", "timeout", "function_timeout", true],
    ["baton-test-timedout-legacy", "timeout", "function_timeout", true],
    ["baton-test-oom", "function_error", "out_of_memory", false],
    ["baton-test-killed", "function_error", "out_of_memory", false],
  ] as const)(
    "classifies Lambda stopping %s as %s (%s)",
    async (name, classification, reason, retryable) => {
      const stopped = {
        ...fn("baton-test-echo"),
        ref: `aws/${name}`,
        name,
        locator: { functionName: name, region: "us-east-1" },
        inputSchema: {},
        outputSchema: {},
      };
      const error = await failure(registry.invoke(connection, stopped, {}, callOptions()));
      expect(error).toMatchObject({
        classification,
        retryable,
        message: platformFailures[name]?.errorMessage,
        details: { reason },
      });
    },
  );

  it("classifies an unknown function (ResourceNotFoundException) as function_error not_found", async () => {
    const error = await failure(
      registry.invoke(connection, fn("baton-test-missing"), {}, callOptions()),
    );
    expect(error.classification).toBe("function_error");
    expect(error.details.reason).toBe("not_found");
  });

  it("classifies an unreachable endpoint as unavailable, for listing and invoking", async () => {
    const port = await closedPort();
    const gone = {
      ...connection,
      config: { ...connection.config, endpoint: `http://127.0.0.1:${port}` },
    };
    const listing = await failure(registry.discover(gone));
    expect(listing.classification).toBe("unavailable");
    const calling = await failure(
      registry.invoke(gone, fn("baton-test-echo"), { a: 1 }, callOptions()),
    );
    expect(calling.classification).toBe("unavailable");
    expect(calling.details.reason).toBe("unreachable");
  });
});
