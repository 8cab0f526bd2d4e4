// Field styles shared by the side panel's editors: small, dense, focus-ringed.

/** A field without a width, for selects and inputs that sit beside others. */
export const fieldClass =
  "min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-[13px] text-zinc-900 outline-none placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

export const inputClass = `${fieldClass} w-full`;

export const monoInputClass = `${inputClass} font-mono text-[12px]`;

export const labelClass = "block text-[11px] font-medium text-zinc-600 dark:text-zinc-400";

export const hintClass = "text-[11px] text-zinc-500 dark:text-zinc-400";
