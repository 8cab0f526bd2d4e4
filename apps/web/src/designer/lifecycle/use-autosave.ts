import { type TScenario, ZScenario } from "@baton/model";
import { useMutation } from "@tanstack/react-query";
import { isTRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { composeScenario } from "../store/compose-scenario.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { createDraftSaver, type TDraftSaver } from "./draft-saver.ts";

const isConflict = (error: unknown): boolean =>
  isTRPCClientError(error) && error.data?.code === "CONFLICT";

const formatProblem = (draft: TScenario): string | undefined => {
  const parsed = ZScenario.safeParse(draft);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

/**
 * Saves the draft shortly after every edit (when `enabled`: a read-only designer saves
 * nothing); the returned saver also flushes on demand.
 */
export const useAutosave = (
  scenarioId: string,
  draftUpdatedAt: string,
  enabled: boolean,
): TDraftSaver => {
  const trpc = useTRPC();
  const { store } = useDesignerContext();
  const { mutateAsync } = useMutation(trpc.scenarios.saveDraft.mutationOptions());
  const save = useRef(mutateAsync);
  useEffect(() => {
    save.current = mutateAsync;
  }, [mutateAsync]);
  const [saver] = useState(() =>
    createDraftSaver<TScenario>({
      updatedAt: draftUpdatedAt,
      read: () => composeScenario(store.getState()),
      validate: formatProblem,
      save: (draft, updatedAt) =>
        save.current({ id: scenarioId, draft, draftUpdatedAt: updatedAt }).then((r) => ({
          draftUpdatedAt: String(r.draftUpdatedAt),
        })),
      isConflict,
    }),
  );
  useEffect(
    () =>
      enabled
        ? store.subscribe((state, previous) => {
            if (state.revision !== previous.revision) saver.schedule();
          })
        : undefined,
    [store, saver, enabled],
  );
  useEffect(() => {
    // Leaving with unsaved edits asks first; saved drafts leave quietly.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.status.getState().status.state !== "saved") event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      saver.dispose();
    };
  }, [saver]);
  return saver;
};
