import { createLambdaProvider } from "./aws-lambda/lambda-provider.ts";
import { createAzureProvider } from "./azure/azure-provider.ts";
import { createGcpProvider } from "./gcp/gcp-provider.ts";
import { createHttpProvider } from "./http/http-provider.ts";
import { createLocalProvider, type LocalProviderOptions } from "./local/local-provider.ts";
import { createOpenFaasProvider } from "./openfaas/openfaas-provider.ts";
import type { Provider } from "./types.ts";

/** Fresh instances of every provider Baton ships. */
export function builtInProviders(options: { local?: LocalProviderOptions } = {}): Provider[] {
  return [
    createLocalProvider(options.local),
    createHttpProvider(),
    createLambdaProvider(),
    createGcpProvider(),
    createAzureProvider(),
    createOpenFaasProvider(),
  ];
}
