import type { DragEvent, ReactNode } from "react";
import type { TNewStep } from "../store/new-step.ts";
import { STEP_MIME } from "./drag-data.ts";

/** Something to drag onto the canvas; a click or Enter adds it after the selected step instead. */
export function PaletteItem({
  spec,
  title,
  subtitle,
  description,
  icon,
  onAdd,
}: {
  spec: TNewStep;
  title: string;
  subtitle?: string | undefined;
  description?: string | undefined;
  icon: ReactNode;
  onAdd: (spec: TNewStep) => void;
}) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(STEP_MIME, JSON.stringify(spec));
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <button
      type="button"
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(spec)}
      title={description || undefined}
      aria-label={title}
      aria-description={`Drag onto the canvas, or press Enter to add it after the selected step${description ? `. ${description}` : ""}`}
      className="group flex w-full cursor-grab items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 active:cursor-grabbing dark:hover:bg-zinc-800/70"
    >
      {icon}
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-[13px] text-zinc-800 dark:text-zinc-100">
          {title}
        </span>
        {subtitle && (
          <span className="block truncate text-[11px] text-zinc-500 dark:text-zinc-400">
            {subtitle}
          </span>
        )}
      </span>
    </button>
  );
}
