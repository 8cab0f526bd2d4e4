import type { TDiagnostic } from "@baton/model";
import { useChecks } from "./use-checks.ts";

const NONE: readonly TDiagnostic[] = [];

export const useEdgeDiagnostics = (edgeId: string): readonly TDiagnostic[] =>
  useChecks((s) => s.index.byEdge.get(edgeId) ?? NONE);
