import { type ReactNode, useCallback, useRef } from "react";
import { useDismiss } from "./use-dismiss.ts";

/** A panel under its trigger, closed by Escape or a click elsewhere. */
export function Popover({
  open,
  onOpenChange,
  trigger,
  label,
  children,
  width = "w-80",
  align = "right",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactNode;
  label: string;
  children: ReactNode;
  width?: string;
  /** which edge of the trigger the panel lines up with */
  align?: "left" | "right";
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => onOpenChange(false), [onOpenChange]);
  useDismiss(ref, open, close);
  return (
    <div ref={ref} className="relative">
      {trigger}
      {open && (
        <div
          role="dialog"
          aria-label={label}
          className={`absolute top-9 ${align === "left" ? "left-0" : "right-0"} z-30 ${width} whitespace-normal rounded-lg border border-zinc-200 bg-white p-3 shadow-xl dark:border-zinc-700 dark:bg-zinc-900`}
        >
          {children}
        </div>
      )}
    </div>
  );
}
