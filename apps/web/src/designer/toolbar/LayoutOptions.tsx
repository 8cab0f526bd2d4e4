import { ArrowDown, ArrowRight, ChevronDown } from "lucide-react";
import { useState } from "react";
import type { TLayoutDirection } from "../canvas/auto-layout.ts";
import { useLayoutDirection } from "../store/panel-preferences.ts";
import { Popover } from "../ui/Popover.tsx";

const CHOICES: [TLayoutDirection, string, typeof ArrowRight][] = [
  ["RIGHT", "Left to right", ArrowRight],
  ["DOWN", "Top down", ArrowDown],
];

/** Which way auto-layout goes; choosing one lays the graph out that way at once. */
export function LayoutOptions({ onLayout }: { onLayout: (direction: TLayoutDirection) => void }) {
  const [open, setOpen] = useState(false);
  const direction = useLayoutDirection((s) => s.value);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Layout options"
      width="w-64"
      align="left"
      trigger={
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-label="Layout options"
          title="Layout options"
          className="-ml-0.5 flex h-7 w-4 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <ChevronDown className="size-3" aria-hidden />
        </button>
      }
    >
      <fieldset>
        <legend className="mb-1.5 font-semibold text-[13px]">Lay the graph out</legend>
        <div className="space-y-1">
          {CHOICES.map(([value, name, Icon]) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-[13px] hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <input
                type="radio"
                name="layout-direction"
                checked={direction === value}
                onChange={() => {
                  setOpen(false);
                  onLayout(value);
                }}
                className="accent-indigo-600"
              />
              <Icon className="size-3.5 text-zinc-500" aria-hidden />
              {name}
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          A chain too long to read whole on the canvas wraps into rows (or columns).
        </p>
      </fieldset>
    </Popover>
  );
}
