const looks: Record<string, { label: string; className: string; title: string }> = {
  declared: {
    label: "declared",
    className: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
    title: "The function or its provider declares this schema.",
  },
  annotated: {
    label: "annotated",
    className: "bg-indigo-50 text-indigo-700 dark:bg-indigo-500/10 dark:text-indigo-300",
    title: "A person or a schema document attached this schema.",
  },
  none: {
    label: "no schema",
    className: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400",
    title: "Nobody declared this schema yet; try the function to infer it, or annotate it.",
  },
  inferred: {
    label: "inferred",
    className: "bg-amber-50 text-amber-800 dark:bg-amber-500/10 dark:text-amber-300",
    title: "Guessed from the data of successful calls; annotate it to make it exact.",
  },
};

/** Where a function's schemas came from. */
export function SchemaSourceBadge({ source }: { source: string }) {
  const look = looks[source] ?? looks.declared!;
  return (
    <span
      title={look.title}
      className={`rounded px-1.5 py-0.5 font-medium text-xs ${look.className}`}
    >
      {look.label}
    </span>
  );
}
