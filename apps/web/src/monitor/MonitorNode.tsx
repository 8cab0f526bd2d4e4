import { Handle, type NodeProps, Position } from "@xyflow/react";
import { History, RotateCw } from "lucide-react";
import { memo } from "react";
import { formatDuration } from "../lib/format.ts";
import type { TMonitorNode } from "./monitor-graph.ts";
import { NODE_LOOKS } from "./node-looks.ts";
import { isRunningState, stepStateLabel, stepTone } from "./step-state.ts";
import { TONE_CLASSES } from "./tone-classes.ts";

const HANDLE = "!size-1.5 !min-w-0 !border-0 !bg-zinc-300 dark:!bg-zinc-600";

/** A step of the run graph: what it is, its live state, attempts and time taken. */
function MonitorNodeView({ data, selected }: NodeProps<TMonitorNode>) {
  const look = NODE_LOOKS[data.kind];
  const Icon = look.icon;
  const tone = TONE_CLASSES[stepTone(data.state, data.kind)];
  const live = isRunningState(data.state, data.kind) || data.state === "waiting";
  return (
    <article
      aria-label={`Step ${data.label}: ${stepStateLabel(data.state, data.kind)}${data.progress ? `, ${data.progress}` : ""}`}
      data-state={data.state}
      className={`w-48 rounded-lg border-2 bg-white text-left text-xs shadow-sm transition-colors dark:bg-zinc-900 ${tone.border} ${
        selected
          ? "ring-2 ring-indigo-500 ring-offset-2 ring-offset-zinc-50 dark:ring-offset-zinc-950"
          : ""
      } ${data.state === "superseded" || data.state === "skipped" ? "opacity-70" : ""}`}
    >
      <Handle type="target" position={Position.Left} className={HANDLE} isConnectable={false} />
      <div className="flex items-center gap-2 px-2.5 pt-2 pb-1.5">
        <Icon className={`size-4 shrink-0 ${tone.text}`} aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="truncate font-semibold text-[13px] text-zinc-900 leading-tight dark:text-zinc-100">
            {data.label}
          </div>
          {(data.progress ?? data.detail) && (
            <div className="truncate text-[11px] text-zinc-500 tabular-nums leading-tight dark:text-zinc-400">
              {data.progress ?? data.detail}
            </div>
          )}
        </div>
      </div>
      <div className="flex items-center gap-2 border-zinc-100 border-t px-2.5 py-1 text-[11px] dark:border-zinc-800">
        <span className={`flex items-center gap-1 font-medium ${tone.text}`}>
          <span className={`size-1.5 rounded-full ${tone.dot} ${live ? "animate-pulse" : ""}`} />
          {stepStateLabel(data.state, data.kind)}
        </span>
        <span className="ml-auto flex items-center gap-2 text-zinc-500 tabular-nums dark:text-zinc-400">
          {data.attempts > 1 && (
            <span className="flex items-center gap-0.5" title={`${data.attempts} attempts`}>
              <RotateCw className="size-3" aria-hidden />
              {data.attempts}
            </span>
          )}
          {data.superseded > 0 && (
            <span
              className="flex items-center gap-0.5"
              title={`${data.superseded} earlier runs replaced by rework`}
            >
              <History className="size-3" aria-hidden />
              {data.superseded}
            </span>
          )}
          {data.durationMs !== undefined && <span>{formatDuration(data.durationMs)}</span>}
        </span>
      </div>
      <Handle type="source" position={Position.Right} className={HANDLE} isConnectable={false} />
    </article>
  );
}

export const MonitorNode = memo(MonitorNodeView);
