import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "../lib/trpc.ts";

/** Live server and database health over the SSE subscription, shown in the sidebar. */
export function ConnectionStatus({ folded = false }: { folded?: boolean }) {
  const trpc = useTRPC();
  const status = useSubscription(trpc.system.status.subscriptionOptions({ intervalMs: 5_000 }));
  const db = status.data?.database;
  const [tone, text] =
    status.status === "error"
      ? ["bg-red-500", "Server unreachable"]
      : !db
        ? ["bg-zinc-400", "Connecting…"]
        : db.ok
          ? ["bg-emerald-500", `Live · db ${db.latencyMs} ms`]
          : ["bg-amber-500", "Database not answering"];
  return (
    <div
      className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400"
      role="status"
      title={folded ? text : undefined}
    >
      <span className={`size-2 rounded-full ${tone}`} aria-hidden />
      <span className={folded ? "sr-only" : undefined}>{text}</span>
    </div>
  );
}
