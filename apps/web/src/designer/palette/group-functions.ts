export type TPaletteFunction = {
  ref: string;
  name: string;
  description: string;
  connection: { name: string; provider: string };
};

export type TConnectionGroup = { connection: string; functions: TPaletteFunction[] };
export type TProviderGroup = { provider: string; connections: TConnectionGroup[] };

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" });

/** The catalog as the palette shows it: provider, then connection, then functions by name. */
export const groupFunctions = (functions: readonly TPaletteFunction[]): TProviderGroup[] => {
  const providers = new Map<string, Map<string, TPaletteFunction[]>>();
  for (const fn of functions) {
    const connections =
      providers.get(fn.connection.provider) ?? new Map<string, TPaletteFunction[]>();
    providers.set(fn.connection.provider, connections);
    connections.set(fn.connection.name, [...(connections.get(fn.connection.name) ?? []), fn]);
  }
  return [...providers]
    .sort(([a], [b]) => byName(a, b))
    .map(([provider, connections]) => ({
      provider,
      connections: [...connections]
        .sort(([a], [b]) => byName(a, b))
        .map(([connection, list]) => ({
          connection,
          functions: [...list].sort((a, b) => byName(a.name, b.name)),
        })),
    }));
};
