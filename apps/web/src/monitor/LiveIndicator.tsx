/** Whether the run's event stream is connected. */
export function LiveIndicator({ live }: { live: "connecting" | "live" | "error" }) {
  const [dot, text] =
    live === "live"
      ? ["bg-emerald-500", "Live"]
      : live === "error"
        ? ["bg-red-500", "Disconnected"]
        : ["bg-zinc-400", "Connecting"];
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
      <span className={`relative flex size-2`} aria-hidden>
        <span className={`relative inline-flex size-2 rounded-full ${dot}`} />
      </span>
      {text}
    </span>
  );
}
