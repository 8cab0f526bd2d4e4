export type { LambdaConfig, LambdaSecret } from "./aws-lambda/config.ts";
export { createLambdaProvider, lambdaTags } from "./aws-lambda/lambda-provider.ts";
export {
  isProviderError,
  isRetryable,
  ProviderError,
  type ProviderErrorClass,
  type ProviderErrorDetails,
} from "./errors.ts";
export { createHttpProvider, type HttpConfig } from "./http/http-provider.ts";
export {
  createLocalProvider,
  type LocalProvider,
  type LocalProviderOptions,
} from "./local/local-provider.ts";
export { createProviderRegistry, type ProviderRegistry } from "./registry.ts";
export {
  checkSchema,
  formatIssues,
  type SchemaIssue,
  validateAgainstSchema,
} from "./schema/validate.ts";
export type { Annotation } from "./shared/schema-document.ts";
export type {
  CatalogFunction,
  Connection,
  CostHints,
  DiscoverOptions,
  Discovery,
  InvocableFunction,
  InvokeOptions,
  JsonSchema,
  JsonValue,
  Provider,
  SchemaSource,
} from "./types.ts";
