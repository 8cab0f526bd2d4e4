import { useQuery } from "@tanstack/react-query";
import {
  Boxes,
  Inbox,
  Moon,
  PanelLeftClose,
  PanelLeftOpen,
  PlayCircle,
  ScrollText,
  Sun,
  Users,
  Workflow,
} from "lucide-react";
import { NavLink, Outlet } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { useTheme } from "../lib/theme.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useLiveUpdates } from "../monitor/use-live-updates.ts";
import { ConnectionStatus } from "./ConnectionStatus.tsx";
import { useSidebar } from "./sidebar-preference.ts";
import { UserMenu } from "./UserMenu.tsx";

function NavItem({
  to,
  icon: Icon,
  label,
  count,
  highlight,
  folded,
}: {
  to: string;
  icon: typeof Boxes;
  label: string;
  count?: number | undefined;
  highlight?: boolean;
  folded: boolean;
}) {
  const shown = count !== undefined && count > 0;
  const badge = highlight
    ? "bg-amber-500 text-white"
    : "bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400";
  return (
    <NavLink
      to={to}
      title={folded ? label : undefined}
      className={({ isActive }) =>
        `relative flex items-center gap-2.5 rounded-md py-1.5 font-medium transition-colors ${
          folded ? "justify-center px-0" : "px-2.5"
        } ${
          isActive
            ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-white"
            : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
        }`
      }
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      <span className={folded ? "sr-only" : "flex-1"}>{label}</span>
      {shown && (
        <span
          className={`rounded-full text-xs tabular-nums ${badge} ${
            folded ? "absolute -top-0.5 right-0.5 px-1 text-[10px] leading-4" : "px-1.5"
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
  const folded = useSidebar((s) => s.value === "folded");
  const setSidebar = useSidebar((s) => s.set);
  const FoldIcon = folded ? PanelLeftOpen : PanelLeftClose;
  return (
    <div className="flex h-screen">
      <aside
        className={`flex shrink-0 flex-col border-zinc-200 border-r bg-white dark:border-zinc-800 dark:bg-zinc-900 ${folded ? "w-14" : "w-56"}`}
      >
        <div
          className={`flex h-12 items-center gap-2 border-zinc-200 border-b dark:border-zinc-800 ${folded ? "justify-center" : "px-4"}`}
        >
          {!folded && (
            <>
              <img src="/baton.svg" alt="" className="size-6" />
              <span className="flex-1 font-semibold tracking-tight">Baton</span>
            </>
          )}
          <button
            type="button"
            onClick={() => setSidebar(folded ? "open" : "folded")}
            aria-label={folded ? "Expand the navigation" : "Fold the navigation"}
            title={folded ? "Expand the navigation" : "Fold the navigation"}
            className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <FoldIcon className="size-4" aria-hidden />
          </button>
        </div>
        <nav className="flex-1 space-y-0.5 p-2" aria-label="Main">
          <NavItem
            to="/catalog"
            icon={Boxes}
            label="Catalog"
            count={o?.functions}
            folded={folded}
          />
          <NavItem
            to="/scenarios"
            icon={Workflow}
            label="Scenarios"
            count={o?.scenarios}
            folded={folded}
          />
          <NavItem to="/runs" icon={PlayCircle} label="Runs" count={runCount} folded={folded} />
          <NavItem
            to="/tasks"
            icon={Inbox}
            label="Tasks"
            count={o?.openTasks}
            highlight
            folded={folded}
          />
          {administers && (
            <>
              {folded ? (
                <hr className="mx-1 my-3 border-zinc-200 dark:border-zinc-800" />
              ) : (
                <div className="px-2.5 pt-4 pb-1 font-medium text-[11px] text-zinc-400 uppercase tracking-wide">
                  Admin
                </div>
              )}
              <NavItem to="/users" icon={Users} label="Users" folded={folded} />
              <NavItem to="/audit" icon={ScrollText} label="Audit trail" folded={folded} />
            </>
          )}
        </nav>
        <UserMenu folded={folded} />
        <div
          className={`flex items-center border-zinc-200 border-t py-3 dark:border-zinc-800 ${folded ? "flex-col gap-3" : "justify-between px-4"}`}
        >
          <ConnectionStatus folded={folded} />
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
