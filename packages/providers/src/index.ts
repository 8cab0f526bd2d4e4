export type { LambdaConfig, LambdaSecret } from "./aws-lambda/config.ts";
export { createLambdaProvider, lambdaTags } from "./aws-lambda/lambda-provider.ts";
export type { AzureSecret } from "./azure/auth.ts";
export { type AzureConfig, createAzureProvider } from "./azure/azure-provider.ts";
export { builtInProviders } from "./built-in.ts";
export {
  type ConnectionField,
  type ConnectionForm,
  connectionForms,
  HEADER_SECRET_PREFIX,
  type SecretField,
} from "./connection-forms.ts";
export {
  applySecretChanges,
  assertCredentialsFollowAddress,
  changedDestinations,
  connectionForm,
  connectionSettingsText,
  moveHeadersToSecret,
  parseConnectionSettings,
  type SecretChanges,
  type SettingsText,
} from "./connection-settings.ts";
export {
  isProviderError,
  isRetryable,
  ProviderError,
  type ProviderErrorClass,
  type ProviderErrorDetails,
} from "./errors.ts";
export {
  type EffectiveEntry,
  effectiveEntry,
  type FunctionAnnotation,
  readFunctionAnnotation,
} from "./function-annotation.ts";
export type { GcpSecret } from "./gcp/auth.ts";
export { createGcpProvider, type GcpConfig } from "./gcp/gcp-provider.ts";
export { createHttpProvider, type HttpConfig } from "./http/http-provider.ts";
export type { LocalConfig } from "./local/config.ts";
export {
  createLocalProvider,
  type LocalProvider,
  type LocalProviderOptions,
} from "./local/local-provider.ts";
export {
  createOpenFaasProvider,
  type OpenFaasConfig,
  openFaasAnnotations,
} from "./openfaas/openfaas-provider.ts";
export { createProviderRegistry, type ProviderRegistry } from "./registry.ts";
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
