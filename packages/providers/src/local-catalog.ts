import type { TCatalog } from "@baton/model";
import { createLocalProvider } from "./local/local-provider.ts";
import { createProviderRegistry } from "./registry.ts";

/**
 * A folder of local functions as a catalog, under a connection's name, discovered the way
 * `baton start` discovers it.
 * Its own entry (`@baton/providers/local`), so a command that checks a scenario against the
 * folder loads no cloud provider's libraries.
 */
export const discoverLocalCatalog = async (folder: string, name: string): Promise<TCatalog> => {
  const registry = createProviderRegistry([
    createLocalProvider({ poolSize: 1, describeInProcess: true }),
  ]);
  try {
    const { functions } = await registry.discover({ name, provider: "local", config: { folder } });
    return Object.fromEntries(functions.map((f) => [f.ref, f]));
  } finally {
    await registry.close();
  }
};
