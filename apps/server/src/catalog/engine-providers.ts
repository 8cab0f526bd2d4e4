import type { PrismaClient } from "@baton/db";
import type { ProviderRegistry } from "@baton/providers";
import { withSampleRecording } from "./functions/with-sample-recording.ts";
import type { TSecretBox } from "./secrets/secret-box.ts";
import { withConnectionSecrets } from "./secrets/with-secrets.ts";

/**
 * The providers as every engine (in `baton start` and in `baton worker`) should call them:
 * with each connection's decrypted credentials, and keeping samples of calls for schemas
 * nobody declared. `drain` before closing the database.
 */
export const engineProviders = (
  providers: ProviderRegistry,
  prisma: PrismaClient,
  secrets: TSecretBox,
) =>
  withSampleRecording(withConnectionSecrets(providers, prisma, secrets), prisma, (error) =>
    console.error("baton: a sample of a step's call was not kept:", error),
  );
