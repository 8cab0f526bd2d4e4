import { createContext } from "react";

/** Per node, the ids of its handles that have an edge: compact nodes draw only those. */
export const HandlesInUseContext = createContext<ReadonlyMap<string, ReadonlySet<string>>>(
  new Map(),
);
