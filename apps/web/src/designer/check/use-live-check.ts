import { analyzeScenario } from "@baton/model";
import { useEffect } from "react";
import { composeScenario } from "../store/compose-scenario.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { graphChanged } from "./graph-changed.ts";
import { indexDiagnostics } from "./index-diagnostics.ts";

// Typing a mapping fires an edit per key; one check per short pause is enough to feel live.
const DEBOUNCE_MS = 60;

/** Runs the model's check in the browser after every edit of the graph. */
export const useLiveCheck = (): void => {
  const { store, checks, catalog } = useDesignerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      const scenario = composeScenario(store.getState());
      const analysis = analyzeScenario(scenario, catalog);
      // A draft the format refuses has no types; keep the last ones so trees and
      // autocomplete stay useful while the problem is being fixed.
      const refused = analysis.diagnostics.some((d) => d.code === "invalid-format");
      const typed = refused ? checks.getState().analysis : analysis;
      checks
        .getState()
        .setResult(indexDiagnostics(analysis.diagnostics, scenario), typed ?? analysis);
    };
    // The first check waits until the browser is idle (or a second has passed): drawing a
    // large scenario comes first, its badges a moment later.
    const first = requestIdleCallback(run, { timeout: 1_000 });
    const unsubscribe = store.subscribe((state, previous) => {
      if (!graphChanged(state, previous)) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      cancelIdleCallback(first);
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, checks, catalog]);
};
