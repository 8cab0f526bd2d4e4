import { FlaskConical, Pin } from "lucide-react";
import { useState } from "react";
import type { TStep } from "../canvas/canvas-types.ts";
import { useCatalogFunction } from "../use-catalog-function.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { useDraftTest } from "./draft-test-context.ts";
import { PinOutputDialog } from "./PinOutputDialog.tsx";
import { StepTestDialog } from "./StepTestDialog.tsx";
import { usePins } from "./use-pins.ts";

const ACTION =
  "flex size-7 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * Trying a function step from its panel's header, where it takes no room from the editors:
 * test it alone, and pin its output for test runs (highlighted while one is pinned).
 */
export function StepTestActions({ step }: { step: TStep<"function"> }) {
  const { readOnly } = useDesignerContext();
  const draft = useDraftTest();
  const fn = useCatalogFunction(step.function);
  const pinned = usePins().data?.has(step.id) ?? false;
  const [open, setOpen] = useState<"test" | "pin">();
  if (readOnly || !draft || !fn) return null;
  const close = () => setOpen(undefined);
  return (
    <>
      <button
        type="button"
        className={ACTION}
        aria-label="Test this step"
        title="Test this step alone"
        onClick={() => setOpen("test")}
      >
        <FlaskConical className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={
          pinned
            ? `${ACTION} bg-violet-100 text-violet-700 hover:bg-violet-200 hover:text-violet-800 dark:bg-violet-950 dark:text-violet-300`
            : ACTION
        }
        aria-label={pinned ? "Output pinned" : "Pin output"}
        title={
          pinned ? "Output pinned: test runs do not call this step" : "Pin an output for test runs"
        }
        onClick={() => setOpen("pin")}
      >
        <Pin className="size-4" aria-hidden />
      </button>
      {open === "test" && <StepTestDialog draft={draft} step={step} fn={fn} onClose={close} />}
      {open === "pin" && <PinOutputDialog draft={draft} step={step} fn={fn} onClose={close} />}
    </>
  );
}
