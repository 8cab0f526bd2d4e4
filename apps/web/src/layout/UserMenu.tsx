import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { useSession } from "../auth/use-session.ts";
import { useTRPC } from "../lib/trpc.ts";

/** Who is signed in, with which roles, and the way out. */
export function UserMenu({ folded = false }: { folded?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useSession();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.resetQueries() }),
  );
  if (!user) return null;
  return (
    <div
      className={`flex items-center gap-2 border-zinc-200 border-t py-2.5 dark:border-zinc-800 ${folded ? "flex-col" : "px-3"}`}
    >
      <span
        aria-hidden
        title={folded ? `${user.name} · ${user.roles.join(", ")}` : undefined}
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-700 text-xs uppercase dark:bg-indigo-500/20 dark:text-indigo-300"
      >
        {user.name.slice(0, 1)}
      </span>
      <div className={folded ? "sr-only" : "min-w-0 flex-1"}>
        <span className="sr-only">Signed in as </span>
        <div className="truncate font-medium text-[13px]" title={user.email}>
          {user.name}
        </div>
        <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">
          {user.roles.join(", ")}
        </div>
      </div>
      <button
        type="button"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        aria-label="Sign out"
        title="Sign out"
      >
        <LogOut className="size-4" />
      </button>
    </div>
  );
}
