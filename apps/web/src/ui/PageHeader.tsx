import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="flex items-end justify-between gap-4 border-b border-zinc-200 px-6 pt-5 pb-4 dark:border-zinc-800">
      <div>
        <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
        {description && <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </header>
  );
}
