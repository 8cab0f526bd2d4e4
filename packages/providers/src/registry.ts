import {
  BatonError,
  formatIssues,
  schemaProblems,
  type TSchemaIssue,
  validateValue,
} from "@baton/model";
import {
  errorMessage,
  isProviderError,
  ProviderError,
  type ProviderErrorDetails,
} from "./errors.ts";
import { abortError, deadlineSignal, raceAbort } from "./shared/deadline.ts";
import { isJsonValue } from "./shared/json.ts";
import { credentialRedactor, sanitizeProviderError } from "./shared/redact.ts";
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
} from "./types.ts";

export type ProviderRegistry = {
  kinds(): string[];
  /** Throws `BatonError` NOT_FOUND for a kind nobody registered. */
  get(kind: string): Provider;
  register(provider: Provider): void;
  /** Discovers through the connection's provider; entries with unusable schemas become problems. */
  discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery>;
  /**
   * Invokes with the full contract: input validated (`rejected_input`), the deadline and
   * signal enforced even on a provider that ignores them (`timeout`), output checked to
   * be JSON and valid (`bad_output`). Every failure is a `ProviderError`.
   */
  invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: unknown,
    options: InvokeOptions,
  ): Promise<JsonValue>;
  close(): Promise<void>;
};

/**
 * A registry of the given providers (`builtInProviders()` for all Baton ships). It imports
 * none itself, so code that needs one provider loads only that one's libraries.
 */
export function createProviderRegistry(providers: Provider[]): ProviderRegistry {
  const byKind = new Map<string, Provider>();

  const get = (kind: string): Provider => {
    const provider = byKind.get(kind);
    if (provider) return provider;
    throw new BatonError(
      "NOT_FOUND",
      `No provider "${kind}" is registered; known providers: ${[...byKind.keys()].join(", ")}.`,
    );
  };

  const register = (provider: Provider): void => {
    if (byKind.has(provider.kind)) {
      throw new BatonError("CONFLICT", `A provider "${provider.kind}" is already registered.`);
    }
    byKind.set(provider.kind, provider);
  };

  for (const provider of providers) register(provider);

  return {
    kinds: () => [...byKind.keys()],
    get,
    register,
    discover: async (connection, options) => {
      const provider = get(connection.provider);
      const discovery = await sanitized(connection, discoverWith(provider, connection, options));
      return checkDiscovery(connection, discovery);
    },
    invoke: (connection, fn, input, options) =>
      sanitized(
        connection,
        invokeWithContract(get(connection.provider), connection, fn, input, options),
      ),
    close: async () => {
      await Promise.all([...byKind.values()].map((provider) => provider.close?.()));
    },
  };
}

/**
 * What a provider does, with the connection's credentials taken out of any error it
 * throws: remote services echo what they were sent, and errors are stored and shown.
 */
async function sanitized<T>(connection: Connection, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw isProviderError(error) ? sanitizeProviderError(error, connection) : error;
  }
}

async function discoverWith(
  provider: Provider,
  connection: Connection,
  options: DiscoverOptions | undefined,
): Promise<Discovery> {
  try {
    return await provider.discover(connection, options);
  } catch (error) {
    if (isProviderError(error) || error instanceof BatonError) throw error;
    throw new ProviderError(
      "unavailable",
      `Discovery through connection "${connection.name}" failed: ${errorMessage(error)}`,
      { provider: provider.kind },
      { cause: error },
    );
  }
}

function checkDiscovery(connection: Connection, discovery: Discovery): Discovery {
  const redact = credentialRedactor(connection);
  const problems = discovery.problems.map(redact);
  const functions: CatalogFunction[] = [];
  const refs = new Set<string>();
  for (const fn of discovery.functions) {
    if (refs.has(fn.ref)) {
      problems.push(`${fn.ref}: found twice; only the first is kept.`);
      continue;
    }
    const broken = [
      ...schemaProblems(fn.inputSchema).map((p) => `input schema: ${p}`),
      ...schemaProblems(fn.outputSchema).map((p) => `output schema: ${p}`),
    ];
    if (broken.length > 0) {
      problems.push(`${fn.ref}: skipped, ${broken.join("; ")}`);
      continue;
    }
    if (!fn.ref.startsWith(`${connection.name}/`)) {
      problems.push(`${fn.ref}: skipped, its ref does not start with "${connection.name}/".`);
      continue;
    }
    refs.add(fn.ref);
    functions.push(fn);
  }
  return { functions, problems };
}

/** Validates, turning an unusable schema into a classified error instead of a stray one. */
function checked(
  schema: JsonSchema,
  value: unknown,
  classification: "rejected_input" | "bad_output",
  details: ProviderErrorDetails,
): TSchemaIssue[] {
  try {
    return validateValue(schema, value);
  } catch (error) {
    throw new ProviderError(classification, errorMessage(error), {
      ...details,
      reason: "invalid_schema",
    });
  }
}

async function invokeWithContract(
  provider: Provider,
  connection: Connection,
  fn: InvocableFunction,
  input: unknown,
  options: InvokeOptions,
): Promise<JsonValue> {
  const details = { provider: provider.kind, ref: fn.ref };
  if (options.signal.aborted) throw abortError(options.signal, details);
  if (Date.now() >= options.deadline) {
    throw new ProviderError("timeout", "The deadline passed before the call started.", {
      ...details,
      reason: "deadline",
    });
  }
  if (!isJsonValue(input)) {
    throw new ProviderError("rejected_input", "The input is not JSON data.", details);
  }
  const inputIssues = checked(fn.inputSchema, input, "rejected_input", details);
  if (inputIssues.length > 0) {
    throw new ProviderError(
      "rejected_input",
      `The input does not match ${fn.name}'s input schema: ${formatIssues(inputIssues)}`,
      { ...details, issues: inputIssues },
    );
  }

  const { signal, dispose } = deadlineSignal(options.signal, options.deadline);
  let output: unknown;
  try {
    output = await raceAbort(
      provider.invoke(connection, fn, input, { ...options, signal }),
      signal,
      details,
    );
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (signal.aborted) throw abortError(signal, details);
    if (error instanceof BatonError) {
      // A connection that is set up wrong fails the same way on every attempt.
      throw new ProviderError("rejected_input", error.message, {
        ...details,
        reason: "invalid_connection",
      });
    }
    throw new ProviderError(
      "unavailable",
      `${provider.kind} failed to invoke ${fn.ref}: ${errorMessage(error)}`,
      details,
      { cause: error },
    );
  } finally {
    dispose();
  }

  if (!isJsonValue(output)) {
    throw new ProviderError("bad_output", `${fn.name} returned a value that is not JSON.`, details);
  }
  const outputIssues = checked(fn.outputSchema, output, "bad_output", details);
  if (outputIssues.length > 0) {
    throw new ProviderError(
      "bad_output",
      `${fn.name} returned output that breaks its output schema: ${formatIssues(outputIssues)}`,
      { ...details, issues: outputIssues },
    );
  }
  return output;
}
