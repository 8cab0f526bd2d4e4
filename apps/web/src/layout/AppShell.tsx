import { useQuery } from "@tanstack/react-query";
import { Boxes, Inbox, Moon, PlayCircle, ScrollText, Sun, Users, Workflow } from "lucide-react";
import { NavLink, Outlet } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { useTheme } from "../lib/theme.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useLiveUpdates } from "../monitor/use-live-updates.ts";
import { ConnectionStatus } from "./ConnectionStatus.tsx";
import { UserMenu } from "./UserMenu.tsx";

function NavItem({
  to,
  icon: Icon,
  label,
  count,
  highlight,
}: {
  to: string;
  icon: typeof Boxes;
  label: string;
  count?: number | undefined;
  highlight?: boolean;
}) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) =>
        `flex items-center gap-2.5 rounded-md px-2.5 py-1.5 font-medium transition-colors ${
          isActive
            ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-white"
            : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
        }`
      }
    >
      <Icon className="size-4" aria-hidden />
      <span className="flex-1">{label}</span>
      {count !== undefined && count > 0 && (
        <span
          className={`rounded-full px-1.5 text-xs tabular-nums ${
            highlight
              ? "bg-amber-500 text-white"
              : "bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
          }`}
        >
          {count}
        </span>
      )}
    </NavLink>
  );
}

export function AppShell() {
  const trpc = useTRPC();
  // The run feed marks these counts stale as runs and tasks change; nothing polls.
  useLiveUpdates();
  const overview = useQuery(trpc.system.overview.queryOptions());
  const { theme, toggle } = useTheme();
  const administers = useCan("administer");
  const o = overview.data;
  const runCount = o ? Object.values(o.runs).reduce((a, b) => a + b, 0) : undefined;
  return (
    <div className="flex h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-zinc-200 border-r bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex h-12 items-center gap-2 border-zinc-200 border-b px-4 dark:border-zinc-800">
          <img src="/baton.svg" alt="" className="size-6" />
          <span className="font-semibold tracking-tight">Baton</span>
        </div>
        <nav className="flex-1 space-y-0.5 p-2" aria-label="Main">
          <NavItem to="/catalog" icon={Boxes} label="Catalog" count={o?.functions} />
          <NavItem to="/scenarios" icon={Workflow} label="Scenarios" count={o?.scenarios} />
          <NavItem to="/runs" icon={PlayCircle} label="Runs" count={runCount} />
          <NavItem to="/tasks" icon={Inbox} label="Tasks" count={o?.openTasks} highlight />
          {administers && (
            <>
              <div className="px-2.5 pt-4 pb-1 font-medium text-[11px] text-zinc-400 uppercase tracking-wide">
                Admin
              </div>
              <NavItem to="/users" icon={Users} label="Users" />
              <NavItem to="/audit" icon={ScrollText} label="Audit trail" />
            </>
          )}
        </nav>
        <UserMenu />
        <div className="flex items-center justify-between border-zinc-200 border-t px-4 py-3 dark:border-zinc-800">
          <ConnectionStatus />
          <button
            type="button"
            onClick={toggle}
            className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
            title={theme === "dark" ? "Light theme" : "Dark theme"}
          >
            {theme === "dark" ? <Sun className="size-4" /> : <Moon className="size-4" />}
          </button>
        </div>
      </aside>
      <main className="min-w-0 flex-1 overflow-y-auto">
        <Outlet />
      </main>
    </div>
  );
}
