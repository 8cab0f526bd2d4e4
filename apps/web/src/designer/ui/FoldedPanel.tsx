import type { LucideIcon } from "lucide-react";

/**
 * A panel folded to a strip along the canvas: its name, and the button that unfolds it. Not
 * a landmark: what it holds is hidden until unfolded.
 */
export function FoldedPanel({
  label,
  action,
  icon: Icon,
  side,
  onOpen,
}: {
  label: string;
  action: string;
  icon: LucideIcon;
  side: "left" | "right";
  onOpen: () => void;
}) {
  return (
    <div
      className={`flex w-10 shrink-0 flex-col items-center gap-3 border-zinc-200 bg-white py-2 dark:border-zinc-800 dark:bg-zinc-900 ${side === "left" ? "border-r" : "border-l"}`}
    >
      <button
        type="button"
        onClick={onOpen}
        aria-label={action}
        title={action}
        className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <Icon className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        onClick={onOpen}
        tabIndex={-1}
        aria-hidden
        className="font-medium text-[11px] text-zinc-500 uppercase tracking-wider [writing-mode:vertical-rl] hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        {label}
      </button>
    </div>
  );
}
