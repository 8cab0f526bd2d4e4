import { AlertTriangle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { errorMessage } from "../lib/trpc.ts";

export function EmptyState({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-zinc-300 border-dashed px-6 py-14 text-center dark:border-zinc-700">
      <Icon className="size-8 text-zinc-400" aria-hidden />
      <h3 className="mt-3 font-medium">{title}</h3>
      {children && <div className="mt-1 max-w-md text-zinc-500 dark:text-zinc-400">{children}</div>}
    </div>
  );
}

export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
    >
      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex-1">
        <div className="font-medium">Could not load this from the server</div>
        <div className="mt-0.5 text-sm">{errorMessage(error)}</div>
      </div>
      {retry && (
        <button
          type="button"
          onClick={retry}
          className="rounded-md border border-red-300 px-2 py-1 text-xs hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900/40"
        >
          Try again
        </button>
      )}
    </div>
  );
}

export function LoadingRows({ rows = 5 }: { rows?: number }) {
  return (
    <div className="space-y-2" role="progressbar" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className="h-9 animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800/70" />
      ))}
    </div>
  );
}
