import type { LucideIcon } from "lucide-react";

// When the toolbar (a size container) is wide enough, a button shows its name beside its
// icon: the main actions first, then the rest. Spelled out for Tailwind to find.
const NAME_SHOWN = {
  never: "sr-only",
  wide: "sr-only @2xl:not-sr-only",
  wider: "sr-only @4xl:not-sr-only",
} as const;

/**
 * A toolbar button: its icon, its name as label and tooltip (with the shortcut), and the
 * name written out when the toolbar has room (`named`).
 */
export function ToolButton({
  icon: Icon,
  label,
  shortcut,
  onClick,
  disabled,
  pressed,
  expanded,
  named = "never",
}: {
  icon: LucideIcon;
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  expanded?: boolean;
  named?: keyof typeof NAME_SHOWN;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      aria-expanded={expanded}
      title={shortcut ? `${label} (${shortcut})` : label}
      className={`flex h-7 min-w-7 items-center justify-center gap-1.5 whitespace-nowrap rounded-md px-1.5 font-medium text-[13px] text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-35 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${pressed || expanded ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : ""}`}
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      <span className={NAME_SHOWN[named]} aria-hidden>
        {label}
      </span>
    </button>
  );
}

export function ToolDivider() {
  return <span className="mx-1 h-4 w-px shrink-0 bg-zinc-200 dark:bg-zinc-700" aria-hidden />;
}
