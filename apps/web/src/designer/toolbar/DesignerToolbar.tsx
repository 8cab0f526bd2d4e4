import {
  ClipboardPaste,
  Copy,
  Keyboard,
  Maximize,
  Network,
  Redo2,
  Trash2,
  Undo2,
} from "lucide-react";
import { useState } from "react";
import { useAutoLayout } from "../canvas/use-auto-layout.ts";
import { useReadableFit } from "../canvas/use-readable-fit.ts";
import { ProblemsToggle } from "../check/ProblemsToggle.tsx";
import { ToolButton, ToolDivider } from "../ui/ToolButton.tsx";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { LayoutOptions } from "./LayoutOptions.tsx";
import { ShortcutsHelp } from "./ShortcutsHelp.tsx";
import { WebhookButton } from "./WebhookButton.tsx";

const mod = typeof navigator !== "undefined" && /Mac/.test(navigator.platform) ? "⌘" : "Ctrl";

/** Editing actions above the canvas; each also has a key (see the shortcuts list). */
export function DesignerToolbar({
  problemsOpen,
  onToggleProblems,
}: {
  problemsOpen: boolean;
  onToggleProblems: () => void;
}) {
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const hasSelection = useDesigner(
    (s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected),
  );
  const canPaste = useDesigner((s) => (s.clipboard?.nodes.length ?? 0) > 0);
  const actions = useDesignerContext().store.getState();
  const layout = useAutoLayout();
  const fit = useReadableFit();
  const [help, setHelp] = useState(false);
  const { readOnly } = useDesignerContext();
  return (
    <div
      role="toolbar"
      aria-label="Canvas tools"
      className="@container flex h-10 shrink-0 items-center gap-0.5 border-zinc-200 border-b bg-white px-2 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {!readOnly && (
        <>
          <ToolButton
            icon={Undo2}
            label="Undo"
            named="wider"
            shortcut={`${mod}+Z`}
            onClick={actions.undo}
            disabled={!canUndo}
          />
          <ToolButton
            icon={Redo2}
            label="Redo"
            named="wider"
            shortcut={`${mod}+Shift+Z`}
            onClick={actions.redo}
            disabled={!canRedo}
          />
          {/* a narrow toolbar keeps these to their keys (and the inspector's buttons) */}
          <div className="flex items-center gap-0.5 @max-md:hidden">
            <ToolDivider />
            <ToolButton
              icon={Copy}
              label="Copy"
              named="wider"
              shortcut={`${mod}+C`}
              onClick={() => actions.copySelection()}
              disabled={!hasSelection}
            />
            <ToolButton
              icon={ClipboardPaste}
              label="Paste"
              named="wider"
              shortcut={`${mod}+V`}
              onClick={actions.paste}
              disabled={!canPaste}
            />
            <ToolButton
              icon={Trash2}
              label="Delete"
              named="wider"
              shortcut="Delete"
              onClick={actions.deleteSelection}
              disabled={!hasSelection}
            />
          </div>
          <ToolDivider />
          <ToolButton
            icon={Network}
            label="Auto-layout"
            shortcut="Shift+L"
            onClick={() => void layout()}
            named="wide"
          />
          <LayoutOptions onLayout={(direction) => void layout(direction)} />
        </>
      )}
      <ToolButton
        icon={Maximize}
        label="Fit view"
        shortcut="Shift+1"
        onClick={() => fit()}
        named="wide"
      />
      <div className="flex-1" />
      <WebhookButton />
      <div className="shrink-0 whitespace-nowrap">
        <ProblemsToggle open={problemsOpen} onToggle={onToggleProblems} />
      </div>
      <div className="relative">
        <ToolButton
          icon={Keyboard}
          label="Keyboard shortcuts"
          onClick={() => setHelp((v) => !v)}
          pressed={help}
        />
        {help && <ShortcutsHelp mod={mod} onClose={() => setHelp(false)} />}
      </div>
    </div>
  );
}
