import { analyzeScenario, scenarioKey, type TScenarioSignature } from "@baton/model";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { composeScenario } from "../store/compose-scenario.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { graphChanged } from "./graph-changed.ts";
import { indexDiagnostics } from "./index-diagnostics.ts";
import { subscenarioRefs } from "./subscenario-refs.ts";

// Typing a mapping fires an edit per key; one check per short pause is enough to feel live.
const DEBOUNCE_MS = 60;

/**
 * Runs the model's check in the browser after every edit of the graph, with the contracts
 * of the published versions its subscenario steps call (asked of the server once each).
 */
export const useLiveCheck = (): void => {
  const { store, checks, catalog } = useDesignerContext();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const scenarios: Record<string, TScenarioSignature> = {};
    const asked = new Set<string>();
    const run = () => {
      timer = undefined;
      const scenario = composeScenario(store.getState());
      const missing = subscenarioRefs(scenario).filter(
        (ref) => !asked.has(scenarioKey(ref.slug, ref.version)),
      );
      if (missing.length > 0) {
        for (const ref of missing) asked.add(scenarioKey(ref.slug, ref.version));
        queryClient.fetchQuery(trpc.scenarios.signatures.queryOptions({ refs: missing })).then(
          (found) => {
            Object.assign(scenarios, found);
            if (!stopped) run();
          },
          // asked again after the next edit
          () => {
            for (const ref of missing) asked.delete(scenarioKey(ref.slug, ref.version));
          },
        );
      }
      const analysis = analyzeScenario(scenario, catalog, { scenarios });
      // A draft the format refuses has no types; keep the last ones so trees and
      // autocomplete stay useful while the problem is being fixed.
      const refused = analysis.diagnostics.some((d) => d.code === "invalid-format");
      const typed = refused ? checks.getState().analysis : analysis;
      checks
        .getState()
        .setResult(indexDiagnostics(analysis.diagnostics, scenario), typed ?? analysis, {
          ...scenarios,
        });
    };
    // The first check waits until the browser is idle (or a second has passed): drawing a
    // large scenario comes first, its badges a moment later.
    const first = requestIdleCallback(run, { timeout: 1_000 });
    const unsubscribe = store.subscribe((state, previous) => {
      if (!graphChanged(state, previous)) return;
      // A refusal was about the draft as it was; after an edit (a quick fix among them) its
      // problems would only linger, fixed or not. The next publish asks the server again.
      if (checks.getState().refused.length > 0) checks.getState().setRefused([]);
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      stopped = true;
      cancelIdleCallback(first);
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, checks, catalog, queryClient, trpc]);
};
