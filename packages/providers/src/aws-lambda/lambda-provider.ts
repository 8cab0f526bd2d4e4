import {
  type FunctionConfiguration,
  InvokeCommand,
  type InvokeCommandOutput,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
import { ProviderError } from "../errors.ts";
import { type FoundFunction, toCatalogEntry } from "../shared/catalog.ts";
import { parseJson } from "../shared/json.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { loadSchemaDocument } from "../shared/schema-document.ts";
import type {
  CatalogFunction,
  Connection,
  DiscoverOptions,
  Discovery,
  InvocableFunction,
  InvokeOptions,
  JsonSchema,
  JsonValue,
  Provider,
} from "../types.ts";
import { readLambdaConfig, readLambdaSecret } from "./config.ts";
import { functionError, sdkError } from "./errors.ts";

/**
 * Tags a function may carry. Lambda tag values hold at most 256 characters, so inline
 * schemas suit small functions; larger ones belong in the connection's schema document.
 */
export const lambdaTags = { input: "baton:input", output: "baton:output", tags: "baton:tags" };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function createLambdaProvider(): Provider {
  const clients = new Map<string, LambdaClient>();

  function clientFor(connection: Connection, region: string): LambdaClient {
    const { endpoint } = readLambdaConfig(connection);
    const credentials = readLambdaSecret(connection);
    const key = JSON.stringify([connection.name, region, endpoint, credentials]);
    let client = clients.get(key);
    if (!client) {
      // One attempt: retrying is the engine's job, with the step's own policy.
      client = new LambdaClient({ region, endpoint, credentials, maxAttempts: 1 });
      clients.set(key, client);
    }
    return client;
  }

  async function listRegion(
    connection: Connection,
    region: string,
    signal: AbortSignal | undefined,
  ): Promise<FunctionConfiguration[]> {
    const client = clientFor(connection, region);
    const found: FunctionConfiguration[] = [];
    try {
      for await (const page of paginateListFunctions({ client }, {})) {
        signal?.throwIfAborted();
        found.push(...(page.Functions ?? []));
      }
    } catch (error) {
      throw sdkError(error, { provider: "aws-lambda", reason: `list_${region}` });
    }
    return found;
  }

  async function tagsOf(
    connection: Connection,
    region: string,
    arn: string,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, string>> {
    try {
      const answer = await clientFor(connection, region).send(
        new ListTagsCommand({ Resource: arn }),
        { abortSignal: signal },
      );
      return answer.Tags ?? {};
    } catch (error) {
      throw sdkError(error, { provider: "aws-lambda" });
    }
  }

  async function discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery> {
    const config = readLambdaConfig(connection);
    const signal = options?.signal;
    const document = await loadSchemaDocument(config.schemaDocument, "aws-lambda", signal);
    const problems: string[] = [];
    const functions: CatalogFunction[] = [];
    const names = new Set<string>();

    for (const region of config.regions) {
      const listed = (await listRegion(connection, region, signal)).filter(
        (fn) =>
          fn.FunctionName && fn.FunctionArn && fn.FunctionName.startsWith(config.namePrefix ?? ""),
      );
      const tagged = await mapLimit(listed, 8, async (fn) => ({
        fn,
        tags: await tagsOf(connection, region, fn.FunctionArn as string, signal),
      }));
      for (const { fn, tags } of tagged) {
        const functionName = fn.FunctionName as string;
        // The same name in a second region gets the region appended, so refs stay unique.
        const name = names.has(functionName) ? `${functionName}@${region}` : functionName;
        names.add(name);
        const found = toFound(fn, name, region, tags, problems);
        functions.push(toCatalogEntry(connection, found, document.get(functionName), problems));
      }
    }
    return { functions, problems };
  }

  async function invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: JsonValue,
    options: InvokeOptions,
  ): Promise<unknown> {
    const { functionName, region } = fn.locator;
    const details = { provider: "aws-lambda", ref: fn.ref };
    if (typeof functionName !== "string" || typeof region !== "string") {
      throw new ProviderError(
        "function_error",
        `${fn.ref} has no Lambda locator; refresh the catalog.`,
        {
          ...details,
          reason: "not_found",
        },
      );
    }
    // Lambda hands ClientContext.custom to the handler as context.clientContext.custom.
    const clientContext = Buffer.from(
      JSON.stringify({ custom: { idempotencyKey: options.idempotencyKey } }),
    ).toString("base64");
    let answer: InvokeCommandOutput;
    try {
      answer = await clientFor(connection, region).send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: "RequestResponse",
          Payload: encoder.encode(JSON.stringify(input)),
          ClientContext: clientContext,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      throw sdkError(error, details);
    }
    const payload = answer.Payload ? decoder.decode(answer.Payload) : "";
    if (answer.FunctionError) throw functionError(answer.FunctionError, payload, details);
    if (payload.trim() === "") return null;
    const output = parseJson(payload);
    if (output === undefined) {
      throw new ProviderError(
        "bad_output",
        `The function returned a payload that is not JSON: ${payload}`,
        {
          ...details,
          reason: "not_json",
        },
      );
    }
    return output;
  }

  return {
    kind: "aws-lambda",
    discover,
    invoke,
    async close() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

function toFound(
  fn: FunctionConfiguration,
  name: string,
  region: string,
  tags: Record<string, string>,
  problems: string[],
): FoundFunction {
  const declared: { input?: JsonSchema; output?: JsonSchema } = {};
  for (const side of ["input", "output"] as const) {
    const text = tags[lambdaTags[side]];
    if (text === undefined) continue;
    const schema = parseJson(text);
    if (
      schema !== undefined &&
      (typeof schema === "boolean" ||
        (typeof schema === "object" && schema !== null && !Array.isArray(schema)))
    ) {
      declared[side] = schema;
    } else {
      problems.push(`${name}: tag ${lambdaTags[side]} is not a JSON Schema; it is ignored.`);
    }
  }
  return {
    name,
    description: fn.Description ?? "",
    tags: (tags[lambdaTags.tags] ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    declared,
    costHints: {
      ...(fn.MemorySize ? { memoryMb: fn.MemorySize } : {}),
      ...(fn.Timeout ? { timeoutMs: fn.Timeout * 1000 } : {}),
      ...(fn.Runtime ? { runtime: fn.Runtime } : {}),
      ...(fn.Architectures?.[0] ? { architecture: fn.Architectures[0] } : {}),
    },
    locator: {
      arn: fn.FunctionArn ?? null,
      functionName: fn.FunctionName ?? name,
      region,
    },
  };
}
