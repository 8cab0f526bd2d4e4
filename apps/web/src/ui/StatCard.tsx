export function StatCard({
  label,
  value,
  hint,
  tone = "neutral",
}: {
  label: string;
  value: number | string | undefined;
  hint?: string;
  tone?: "neutral" | "good" | "bad" | "warn" | "info";
}) {
  const tones = {
    neutral: "text-zinc-900 dark:text-zinc-100",
    good: "text-emerald-600 dark:text-emerald-400",
    bad: "text-red-600 dark:text-red-400",
    warn: "text-amber-600 dark:text-amber-400",
    info: "text-indigo-600 dark:text-indigo-400",
  };
  return (
    <section
      aria-label={label}
      className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="text-xs font-medium text-zinc-500 uppercase tracking-wide dark:text-zinc-400">
        {label}
      </div>
      <div className={`mt-1 font-semibold text-2xl tabular-nums ${tones[tone]}`}>
        {value ?? "–"}
      </div>
      {hint && <div className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{hint}</div>}
    </section>
  );
}
