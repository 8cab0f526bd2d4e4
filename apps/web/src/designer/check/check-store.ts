import type { TDiagnostic, TScenarioAnalysis, TScenarioSignature } from "@baton/model";
import { createStore } from "zustand/vanilla";
import { EMPTY_INDEX, type TDiagnosticIndex } from "./index-diagnostics.ts";

/** The latest live check, apart from the graph store so that checking never enters undo. */
export type TCheckState = {
  index: TDiagnosticIndex;
  /** What each node receives and produces, as the check typed it. */
  analysis: TScenarioAnalysis | undefined;
  /** What the published versions called by subscenario steps take and give, by `slug@version`. */
  scenarios: Readonly<Record<string, TScenarioSignature>>;
  /** A node the problems panel asked to bring into view. */
  focus: { nodeId: string; at: number } | undefined;
  /** The edge whose problems are shown, while its marker is hovered or focused. */
  edge: string | undefined;
  /** What the server's check found when it last refused to publish. */
  refused: readonly TDiagnostic[];
  setEdge(edgeId: string | undefined): void;
  setRefused(diagnostics: readonly TDiagnostic[]): void;
  setResult(
    index: TDiagnosticIndex,
    analysis: TScenarioAnalysis,
    scenarios: Readonly<Record<string, TScenarioSignature>>,
  ): void;
  focusNode(nodeId: string): void;
};

export const createCheckStore = () =>
  createStore<TCheckState>()((set) => ({
    index: EMPTY_INDEX,
    analysis: undefined,
    scenarios: {},
    focus: undefined,
    edge: undefined,
    refused: [],
    setEdge: (edge) => set({ edge }),
    setRefused: (refused) => set({ refused }),
    setResult: (index, analysis, scenarios) => set({ index, analysis, scenarios }),
    focusNode: (nodeId) => set({ focus: { nodeId, at: Date.now() } }),
  }));

export type TCheckStore = ReturnType<typeof createCheckStore>;
