/** Input looks shared by the catalog's forms. */
export const INPUT =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:disabled:bg-zinc-900";

export const LABEL = "block font-medium text-xs text-zinc-700 dark:text-zinc-300";

export const HELP = "text-xs text-zinc-500 dark:text-zinc-400";
