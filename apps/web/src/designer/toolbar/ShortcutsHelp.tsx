import { X } from "lucide-react";

const keys = (mod: string): [string, string][] => [
  ["Undo / redo", `${mod}+Z / ${mod}+Shift+Z`],
  ["Copy / paste / duplicate", `${mod}+C / ${mod}+V / ${mod}+D`],
  ["Select all", `${mod}+A`],
  ["Delete selection", "Delete or Backspace"],
  ["Move the selected steps", "Arrow keys"],
  ["Close the inspector", "Escape"],
  ["Add a palette item after the selected step", "Enter"],
  ["Add to selection", `${mod}+click`],
  ["Select an area", "Shift+drag"],
  ["Auto-layout", "Shift+L"],
  ["Fit view", "Shift+1"],
  ["Pan / zoom", "drag the canvas / scroll"],
];

export function ShortcutsHelp({ mod, onClose }: { mod: string; onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="absolute top-9 right-0 z-20 w-80 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-semibold text-[13px]">Keyboard shortcuts</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="rounded p-0.5 text-zinc-400 hover:text-zinc-700"
        >
          <X className="size-3.5" />
        </button>
      </div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1.5 text-xs">
        {keys(mod).map(([what, key]) => (
          <div key={what} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{what}</dt>
            <dd className="text-right font-mono text-[11px] text-zinc-800 dark:text-zinc-200">
              {key}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
