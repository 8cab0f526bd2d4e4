import { Handle, Position } from "@xyflow/react";
import { TARGET_HANDLE } from "../canvas-types.ts";

type TTone = "neutral" | "error" | "branch";

const tones: Record<TTone, string> = {
  neutral: "bg-zinc-400! dark:bg-zinc-500!",
  error: "bg-red-500!",
  branch: "bg-violet-500!",
};

const base =
  "size-2.5! border-2! border-white! transition-transform hover:scale-150 dark:border-zinc-900!";

/** Where edges end: every step but the start has one, on its left; `title` names its type. */
export function InputHandle({ label, title }: { label: string; title?: string | undefined }) {
  return (
    <Handle
      type="target"
      id={TARGET_HANDLE}
      position={Position.Left}
      className={`${base} ${tones.neutral}`}
      aria-label={`${label} input`}
      title={title}
    />
  );
}

/** Where edges start; `id` names the edge kind: next, error or branch:<name>. */
export function OutputHandle({
  id,
  label,
  tone = "neutral",
  title,
}: {
  id: string;
  label: string;
  tone?: TTone;
  title?: string | undefined;
}) {
  return (
    <Handle
      type="source"
      id={id}
      position={Position.Right}
      className={`${base} ${tones[tone]}`}
      aria-label={label}
      title={title}
    />
  );
}
