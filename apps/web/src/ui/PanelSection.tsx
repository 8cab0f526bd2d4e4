import type { ReactNode } from "react";

/** A titled block of the side panel. */
export function PanelSection({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium text-[11px] text-zinc-500 uppercase tracking-wide dark:text-zinc-400">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </section>
  );
}
