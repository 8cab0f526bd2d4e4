import type { TDiagnostic } from "@baton/model";
import { useChecks } from "./use-checks.ts";

const NONE: readonly TDiagnostic[] = [];

export const useNodeDiagnostics = (nodeId: string): readonly TDiagnostic[] =>
  useChecks((s) => s.index.byNode.get(nodeId) ?? NONE);
