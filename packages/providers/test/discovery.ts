import {
  type CatalogFunction,
  type Connection,
  createProviderRegistry,
  type Provider,
} from "../src/index.ts";

/**
 * A registry of one provider and what a test file's discoveries found: the functions by
 * ref and every problem. Call `discover` in `beforeAll`; close `registry` in `afterAll`.
 */
export function discoveryFixture(provider: Provider) {
  const registry = createProviderRegistry([provider]);
  const catalog = new Map<string, CatalogFunction>();
  const problems: string[] = [];
  const discover = async (connection: Connection): Promise<void> => {
    const discovery = await registry.discover(connection);
    problems.push(...discovery.problems);
    for (const found of discovery.functions) catalog.set(found.ref, found);
  };
  return { registry, catalog, problems, discover };
}
