/** Button looks shared by the monitor's and the inbox's actions. */
export const BUTTON = {
  primary:
    "inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-2.5 py-1 font-medium text-[13px] text-white shadow-xs hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50",
  secondary:
    "inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 font-medium text-[13px] shadow-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800",
  danger:
    "inline-flex items-center gap-1.5 rounded-md bg-red-600 px-2.5 py-1 font-medium text-[13px] text-white shadow-xs hover:bg-red-500 disabled:cursor-not-allowed disabled:opacity-50",
  success:
    "inline-flex items-center gap-1.5 rounded-md bg-emerald-600 px-2.5 py-1 font-medium text-[13px] text-white shadow-xs hover:bg-emerald-500 disabled:cursor-not-allowed disabled:opacity-50",
} as const;
