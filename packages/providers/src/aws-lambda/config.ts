import { BatonError } from "@baton/model";
import type { Connection } from "../types.ts";

export type LambdaConfig = {
  /** Regions to list; `region` alone is accepted too. */
  regions: string[];
  /** Another Lambda API endpoint (LocalStack, a test server); normally unset. */
  endpoint?: string;
  /** URL or file of a schema document naming functions by their Lambda name. */
  schemaDocument?: string;
  /** List only functions whose name starts with this. */
  namePrefix?: string;
};

export type LambdaSecret = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export function readLambdaConfig(connection: Connection): LambdaConfig {
  const { regions, region, endpoint, schemaDocument, namePrefix } = connection.config;
  const list = Array.isArray(regions) ? regions : typeof region === "string" ? [region] : [];
  if (list.length === 0 || !list.every((r) => typeof r === "string" && r !== "")) {
    throw new BatonError(
      "BAD_INPUT",
      `Connection "${connection.name}" needs config.regions (or config.region), e.g. ["eu-west-1"].`,
    );
  }
  return {
    regions: list as string[],
    endpoint: typeof endpoint === "string" ? endpoint : undefined,
    schemaDocument: typeof schemaDocument === "string" ? schemaDocument : undefined,
    namePrefix: typeof namePrefix === "string" ? namePrefix : undefined,
  };
}

/** The connection's access key, or `undefined` to use the SDK's default credential chain. */
export function readLambdaSecret(connection: Connection): LambdaSecret | undefined {
  const secret = connection.secret;
  if (!secret) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken } = secret;
  if (typeof accessKeyId !== "string" || typeof secretAccessKey !== "string") {
    throw new BatonError(
      "BAD_INPUT",
      `The secret of connection "${connection.name}" needs accessKeyId and secretAccessKey.`,
    );
  }
  return typeof sessionToken === "string"
    ? { accessKeyId, secretAccessKey, sessionToken }
    : { accessKeyId, secretAccessKey };
}
