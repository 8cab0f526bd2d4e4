import type { TNodeKind } from "@baton/model";
import type { ReactNode } from "react";
import { KIND_LOOKS } from "../../../ui/node-looks.ts";
import { useNodeDiagnostics } from "../../check/use-node-diagnostics.ts";
import { DiagnosticBadge } from "./DiagnosticBadge.tsx";

/** The frame every step shares: accent icon, label, problem badge, a subtitle and a body. */
export function NodeShell({
  id,
  kind,
  label,
  subtitle,
  selected,
  children,
  width = "w-56",
  badge,
}: {
  id: string;
  kind: TNodeKind;
  label: string;
  subtitle?: ReactNode;
  selected: boolean;
  children?: ReactNode;
  width?: string;
  /** a mark of the step's state in the designer, beside its problems */
  badge?: ReactNode;
}) {
  const diagnostics = useNodeDiagnostics(id);
  const look = KIND_LOOKS[kind];
  const Icon = look.icon;
  const hasErrors = diagnostics.some((d) => d.severity === "error");
  const border = hasErrors
    ? "border-red-400 dark:border-red-500/70"
    : diagnostics.length > 0
      ? "border-amber-400 dark:border-amber-500/60"
      : "border-zinc-200 dark:border-zinc-700";
  const ring = selected ? "ring-2 ring-indigo-500/70 ring-offset-1 ring-offset-transparent" : "";
  return (
    <article
      className={`${width} rounded-lg border bg-white text-left text-xs shadow-sm dark:bg-zinc-900 ${border} ${ring}`}
      aria-label={`${look.name} step ${label}`}
      data-kind={kind}
    >
      <header className="flex items-center gap-2 px-2.5 py-2">
        <span
          className={`flex size-6 shrink-0 items-center justify-center rounded-md text-white ${look.accent}`}
        >
          <Icon className="size-3.5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate font-semibold text-[13px] text-zinc-900 leading-tight dark:text-zinc-100">
            {label}
          </div>
          {subtitle && (
            <div className="truncate text-[11px] text-zinc-500 leading-tight dark:text-zinc-400">
              {subtitle}
            </div>
          )}
        </div>
        {badge}
        <DiagnosticBadge diagnostics={diagnostics} />
      </header>
      {children && <div className="border-zinc-100 border-t dark:border-zinc-800">{children}</div>}
    </article>
  );
}

/** A line in a node's body, with room on the right for an output handle. */
export function NodeRow({
  label,
  value,
  tone = "muted",
  children,
}: {
  label: string;
  value?: ReactNode;
  tone?: "muted" | "error" | "branch";
  children?: ReactNode;
}) {
  const labelTone =
    tone === "error"
      ? "text-red-500/80 dark:text-red-400/70"
      : tone === "branch"
        ? "text-violet-700 dark:text-violet-300"
        : "text-zinc-400 dark:text-zinc-500";
  return (
    <div className="relative flex items-center gap-2 px-2.5 py-1">
      <span className={`shrink-0 font-medium text-[10px] uppercase tracking-wide ${labelTone}`}>
        {label}
      </span>
      <span className="min-w-0 flex-1 truncate text-right font-mono text-[11px] text-zinc-600 dark:text-zinc-300">
        {value}
      </span>
      {children}
    </div>
  );
}
