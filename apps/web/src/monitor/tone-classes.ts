import type { TTone } from "./step-state.ts";

/** Tailwind classes per tone, shared by badges, graph nodes and timeline bars. */
export const TONE_CLASSES: Record<
  TTone,
  { badge: string; dot: string; border: string; bar: string; text: string }
> = {
  neutral: {
    badge: "bg-zinc-100 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-500/10 dark:text-zinc-400",
    dot: "bg-zinc-400",
    border: "border-zinc-200 dark:border-zinc-700",
    bar: "bg-zinc-300 dark:bg-zinc-600",
    text: "text-zinc-500 dark:text-zinc-400",
  },
  info: {
    badge: "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-500/10 dark:text-sky-400",
    dot: "bg-sky-500",
    border: "border-sky-400 dark:border-sky-500/70",
    bar: "bg-sky-500",
    text: "text-sky-600 dark:text-sky-400",
  },
  warn: {
    badge: "bg-amber-50 text-amber-700 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-400",
    dot: "bg-amber-500",
    border: "border-amber-400 dark:border-amber-500/70",
    bar: "bg-amber-400 dark:bg-amber-500",
    text: "text-amber-600 dark:text-amber-400",
  },
  good: {
    badge:
      "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-400",
    dot: "bg-emerald-500",
    border: "border-emerald-400 dark:border-emerald-500/60",
    bar: "bg-emerald-500",
    text: "text-emerald-600 dark:text-emerald-400",
  },
  bad: {
    badge: "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-500/10 dark:text-red-400",
    dot: "bg-red-500",
    border: "border-red-400 dark:border-red-500/70",
    bar: "bg-red-500",
    text: "text-red-600 dark:text-red-400",
  },
  muted: {
    badge: "bg-zinc-100 text-zinc-500 ring-zinc-500/20 dark:bg-zinc-500/10 dark:text-zinc-500",
    dot: "bg-zinc-300 dark:bg-zinc-600",
    border: "border-dashed border-zinc-300 dark:border-zinc-700",
    bar: "bg-zinc-300 dark:bg-zinc-700",
    text: "text-zinc-400 dark:text-zinc-500",
  },
};
