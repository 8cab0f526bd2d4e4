import type { TNodeKind } from "@baton/model";
import { useStoreApi } from "@xyflow/react";
import { KIND_LOOKS } from "../../../ui/node-looks.ts";
import { useNodeDiagnostics } from "../../check/use-node-diagnostics.ts";
import { TARGET_HANDLE } from "../canvas-types.ts";
import { outputTop } from "../compact/compact-geometry.ts";
import { startConnection } from "../compact/compact-wiring.ts";

export type TCompactHandle = { id: string; tone?: "neutral" | "error" | "branch" };

// About two lines of the compact type. Cut in script rather than with line-clamp: its
// overflow clip is one more paint property per node for the browser to walk on every frame.
const LABEL_CHARS = 30;
const shortLabel = (label: string): string =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label;

const dot = "size-3! border-2! border-white! dark:border-zinc-900!";
const tones = { neutral: "bg-zinc-400!", error: "bg-red-500!", branch: "bg-violet-500!" };

/**
 * The anchor of an edge, as plain markup with the classes and data attributes React Flow
 * looks for, so connections start and end on it as on a Handle (see compact-wiring.ts);
 * `connectionindicator` is what gives a handle pointer events in React Flow's styles.
 */
function Anchor({
  nodeId,
  handleId,
  type,
  tone,
  top = 0.5,
}: {
  nodeId: string;
  handleId: string;
  type: "source" | "target";
  tone: keyof typeof tones;
  top?: number;
}) {
  const store = useStoreApi();
  const side = type === "source" ? "right" : "left";
  const isTarget = type === "target";
  // Placed without React Flow's centring transform: each transform is one more layer of
  // geometry the browser recomposes on every frame of a drag, 500 nodes over.
  return (
    <div
      data-nodeid={nodeId}
      data-handleid={handleId}
      data-handlepos={side}
      data-id={`${store.getState().rfId}-${nodeId}-${handleId}-${type}`}
      aria-hidden
      style={{ top: `calc(${top * 100}% - 6px)`, [side]: "-6px", transform: "none" }}
      className={`react-flow__handle react-flow__handle-${side} nodrag nopan connectable connectablestart connectableend connectionindicator ${type} ${dot} ${tones[tone]}`}
      onMouseDown={(event) => startConnection(event, store, { nodeId, handleId, isTarget })}
    />
  );
}

/**
 * A node zoomed out: its name in large type and its edge anchors, nothing that needs
 * reading up close. A tenth of the DOM of the full node, which is what keeps 500 nodes fast.
 * Its size is fixed (COMPACT_SIZE), so its edges are drawn from its position alone.
 */
export function CompactNode({
  id,
  kind,
  label,
  selected,
  input,
  outputs,
}: {
  id: string;
  kind: TNodeKind;
  label: string;
  selected: boolean;
  input: boolean;
  outputs: readonly TCompactHandle[];
}) {
  const diagnostics = useNodeDiagnostics(id);
  const look = KIND_LOOKS[kind];
  const errors = diagnostics.some((d) => d.severity === "error");
  const tone = errors
    ? "border-red-500 bg-red-50 dark:bg-red-950/60"
    : diagnostics.length > 0
      ? "border-amber-400 bg-amber-50 dark:bg-amber-950/40"
      : "border-zinc-300 bg-white dark:border-zinc-600 dark:bg-zinc-900";
  return (
    <article
      aria-label={`${look.name} step ${label}`}
      data-kind={kind}
      className={`relative flex h-16 w-56 items-center gap-3 rounded-lg border-2 px-3 ${tone} ${selected ? "outline-4 outline-indigo-500" : ""}`}
    >
      <span className={`h-10 w-2 shrink-0 rounded-full ${look.accent}`} aria-hidden />
      <span className="font-semibold text-[20px] text-zinc-900 leading-tight dark:text-zinc-100">
        {shortLabel(label)}
      </span>
      {input && <Anchor nodeId={id} handleId={TARGET_HANDLE} type="target" tone="neutral" />}
      {outputs.map((handle, i) => (
        <Anchor
          key={handle.id}
          nodeId={id}
          handleId={handle.id}
          type="source"
          tone={handle.tone ?? "neutral"}
          top={outputTop(i, outputs.length)}
        />
      ))}
    </article>
  );
}
