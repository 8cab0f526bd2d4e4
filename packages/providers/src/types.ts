/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * Where a function's schemas came from: the function itself or its provider says so
 * (`declared`), someone attached them beside it (`annotated`), or they were derived
 * from observed data (`inferred`).
 */
export type SchemaSource = "declared" | "annotated" | "inferred";

/** What a call may cost; the engine uses `timeoutMs` as a default deadline. */
export type CostHints = {
  memoryMb?: number;
  timeoutMs?: number;
  runtime?: string;
  architecture?: string;
  maxConcurrency?: number;
};

/** One configured provider account. `secret` is the decrypted credentials object. */
export type Connection<TConfig extends object = Record<string, unknown>> = {
  name: string;
  provider: string;
  config: TConfig;
  secret?: Record<string, unknown>;
};

/** A catalog entry, as discovered. `ref` is `<connection name>/<name>` and stays stable. */
export type CatalogFunction = {
  name: string;
  ref: string;
  description: string;
  tags: string[];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  schemaSource: SchemaSource;
  /** The sides nobody declared a schema for (they are `{}` here); the catalog infers them from samples. */
  undeclared?: ("input" | "output")[];
  costHints: CostHints;
  /** Provider-specific address: file path, ARN, URL, operation, … */
  locator: { [key: string]: JsonValue };
};

/** What discovery found, and what it had to skip and why (a sentence each). */
export type Discovery = { functions: CatalogFunction[]; problems: string[] };

/**
 * What `invoke` needs of a catalog entry. The engine passes its stored row, whose
 * schemas may be the user's annotation rather than the discovered ones.
 */
export type InvocableFunction = Pick<
  CatalogFunction,
  "ref" | "name" | "locator" | "inputSchema" | "outputSchema"
> & { costHints?: CostHints };

export type InvokeOptions = {
  /** Epoch milliseconds after which the call counts as timed out. */
  deadline: number;
  signal: AbortSignal;
  /** `runId:nodeId:generation:attempt`; providers pass it on so functions can drop duplicates. */
  idempotencyKey: string;
};

export type DiscoverOptions = { signal?: AbortSignal };

/**
 * A place functions live. Implementations throw `ProviderError` for every failure they
 * can classify; the registry validates input and output around them.
 */
export type Provider = {
  readonly kind: string;
  discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery>;
  invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: JsonValue,
    options: InvokeOptions,
  ): Promise<unknown>;
  /** Releases pooled workers, sockets and clients. */
  close?(): Promise<void>;
};
