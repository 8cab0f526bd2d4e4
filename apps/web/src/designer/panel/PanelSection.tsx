import { ChevronDown } from "lucide-react";
import { type ReactNode, useState } from "react";

/** A titled, collapsible part of the side panel. */
export function PanelSection({
  title,
  aside,
  children,
  defaultOpen = true,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section aria-label={title} className="border-zinc-100 border-b dark:border-zinc-800">
      <div className="flex items-center gap-2 px-3 py-2">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          className="flex flex-1 items-center gap-1 text-left font-semibold text-[11px] text-zinc-500 uppercase tracking-wider hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
        >
          <ChevronDown
            className={`size-3 transition-transform ${open ? "" : "-rotate-90"}`}
            aria-hidden
          />
          {title}
        </button>
        {aside}
      </div>
      {open && <div className="space-y-2.5 px-3 pb-3">{children}</div>}
    </section>
  );
}
