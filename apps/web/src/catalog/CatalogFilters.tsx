import { Search } from "lucide-react";
import type { TConnection } from "./types.ts";

export type TCatalogFilter = {
  search: string;
  provider: string;
  connectionId: string;
  tag: string;
};

const SELECT =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900";

/** Search by text, and narrow by provider, connection and tag. */
export function CatalogFilters({
  filter,
  onChange,
  connections,
  tags,
}: {
  filter: TCatalogFilter;
  onChange: (filter: TCatalogFilter) => void;
  connections: TConnection[];
  tags: string[];
}) {
  const providers = [...new Set(connections.map((c) => c.provider))].sort();
  const set = (patch: Partial<TCatalogFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="relative block min-w-64 flex-1 sm:max-w-md">
        <span className="sr-only">Search functions</span>
        <Search
          className="-translate-y-1/2 absolute top-1/2 left-2.5 size-4 text-zinc-400"
          aria-hidden
        />
        <input
          type="search"
          value={filter.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder="Search by name, description or ref"
          className="w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-3 pl-8 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <select
        aria-label="Provider"
        className={SELECT}
        value={filter.provider}
        onChange={(e) => set({ provider: e.target.value })}
      >
        <option value="">All providers</option>
        {providers.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <select
        aria-label="Connection"
        className={SELECT}
        value={filter.connectionId}
        onChange={(e) => set({ connectionId: e.target.value })}
      >
        <option value="">All connections</option>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Tag"
        className={SELECT}
        value={filter.tag}
        onChange={(e) => set({ tag: e.target.value })}
      >
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
