import { type TTypeNode, toTypeTree } from "./schema-tree.ts";

function TypeRow({ node }: { node: TTypeNode }) {
  return (
    <li className="py-1">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="font-medium font-mono text-[13px]">
          {node.name}
          {!node.required && <span className="text-zinc-400">?</span>}
        </span>
        <span className="font-mono text-indigo-700 text-xs dark:text-indigo-300">{node.type}</span>
        {node.notes.map((note) => (
          <span
            key={note}
            className="rounded bg-zinc-100 px-1 py-px text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
          >
            {note}
          </span>
        ))}
      </div>
      {node.description && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{node.description}</p>
      )}
      {node.children.length > 0 && <TypeList nodes={node.children} />}
    </li>
  );
}

function TypeList({ nodes }: { nodes: TTypeNode[] }) {
  return (
    <ul className="ml-1 border-zinc-200 border-l pl-3 dark:border-zinc-800">
      {nodes.map((node) => (
        <TypeRow key={node.name} node={node} />
      ))}
    </ul>
  );
}

/** A function's input or output schema as a readable tree of typed fields. */
export function SchemaTree({ schema, label }: { schema: unknown; label: string }) {
  const tree = toTypeTree(schema);
  return (
    <section aria-label={label}>
      <div className="mb-1 flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="font-mono text-indigo-700 text-xs dark:text-indigo-300">{tree.type}</span>
        {tree.notes.map((note) => (
          <span key={note} className="text-[11px] text-zinc-500 dark:text-zinc-400">
            {note}
          </span>
        ))}
      </div>
      {tree.children.length > 0 ? (
        <TypeList nodes={tree.children} />
      ) : (
        tree.type === "any" && (
          <p className="text-xs text-zinc-500 italic">
            Any JSON: no schema is known for this side.
          </p>
        )
      )}
    </section>
  );
}
