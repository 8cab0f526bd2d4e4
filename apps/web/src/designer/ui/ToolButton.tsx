import type { LucideIcon } from "lucide-react";

/** A square icon button with its name as label and tooltip, and the shortcut in the tooltip. */
export function ToolButton({
  icon: Icon,
  label,
  shortcut,
  onClick,
  disabled,
  pressed,
}: {
  icon: LucideIcon;
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      className={`flex size-7 items-center justify-center rounded-md text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-35 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${pressed ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : ""}`}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
}

export function ToolDivider() {
  return <span className="mx-1 h-4 w-px bg-zinc-200 dark:bg-zinc-700" aria-hidden />;
}
