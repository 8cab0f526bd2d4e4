import { Copy, Trash2 } from "lucide-react";
import { Button } from "../ui/Button.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { EdgePanel } from "./EdgePanel.tsx";
import { StepPanel } from "./StepPanel.tsx";
import { useSelectedEdgeIds, useSelectedIds } from "./use-selected-ids.ts";
import { useStep } from "./use-step.ts";

function SingleStep({ id }: { id: string }) {
  const step = useStep(id);
  // Keyed by id: switching steps starts the editors afresh.
  return step ? <StepPanel key={id} step={step} /> : null;
}

/**
 * Settings of what is selected: one step or several, else one edge; hidden with nothing
 * selected, for room to draw.
 */
export function SidePanel() {
  const { store } = useDesignerContext();
  const selected = useSelectedIds();
  const edges = useSelectedEdgeIds();
  const edge = selected.length === 0 && edges.length === 1 ? edges[0] : undefined;
  if (selected.length === 0 && !edge) return null;
  return (
    <aside
      aria-label="Inspector"
      className="w-[22rem] shrink-0 overflow-y-auto border-zinc-200 border-l bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      {edge ? (
        <EdgePanel key={edge} id={edge} />
      ) : selected.length === 1 ? (
        <SingleStep id={selected[0]!} />
      ) : (
        <div className="space-y-3 p-4">
          <p className="font-medium text-[13px]">{selected.length} steps selected</p>
          <div className="flex gap-2">
            <Button icon={Copy} onClick={() => store.getState().copySelection()}>
              Copy
            </Button>
            <Button
              variant="danger"
              icon={Trash2}
              onClick={() => store.getState().deleteSelection()}
            >
              Delete
            </Button>
          </div>
        </div>
      )}
    </aside>
  );
}
