import { GanttChart, Network } from "lucide-react";

export type TRunTab = "graph" | "timeline";

const TABS: [TRunTab, string, typeof Network][] = [
  ["graph", "Graph", Network],
  ["timeline", "Timeline", GanttChart],
];

/** Switches the main area between the graph and the Gantt timeline. */
export function RunTabs({ tab, onChange }: { tab: TRunTab; onChange: (tab: TRunTab) => void }) {
  return (
    <div
      role="tablist"
      aria-label="Run views"
      className="flex items-center gap-1 border-zinc-200 border-b bg-white px-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {TABS.map(([id, label, Icon]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          onClick={() => onChange(id)}
          className={`-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2 font-medium text-xs ${
            tab === id
              ? "border-indigo-500 text-zinc-900 dark:text-zinc-100"
              : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
          }`}
        >
          <Icon className="size-3.5" aria-hidden />
          {label}
        </button>
      ))}
    </div>
  );
}
