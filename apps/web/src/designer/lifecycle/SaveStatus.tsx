import { CircleAlert, CloudCheck, LoaderCircle } from "lucide-react";
import { useStore } from "zustand";
import type { TDraftSaver } from "./draft-saver.ts";

/** Whether the draft on the server is what the canvas shows. */
export function SaveStatus({ saver }: { saver: TDraftSaver }) {
  const status = useStore(saver.status, (s) => s.status);
  const [icon, text, tone, detail] =
    status.state === "saved"
      ? [<CloudCheck key="i" className="size-3.5" />, "Draft saved", "text-zinc-500", undefined]
      : status.state === "pending" || status.state === "saving"
        ? [
            <LoaderCircle key="i" className="size-3.5 animate-spin" />,
            "Saving…",
            "text-zinc-500",
            undefined,
          ]
        : status.state === "conflict"
          ? [
              <CircleAlert key="i" className="size-3.5" />,
              "Changed elsewhere — reload",
              "text-red-600 dark:text-red-400",
              status.message,
            ]
          : status.state === "invalid"
            ? [
                <CircleAlert key="i" className="size-3.5" />,
                "Not saved: incomplete step",
                "text-amber-600 dark:text-amber-400",
                status.message,
              ]
            : [
                <CircleAlert key="i" className="size-3.5" />,
                "Not saved, retrying",
                "text-amber-600 dark:text-amber-400",
                status.message,
              ];
  return (
    <span
      role="status"
      aria-live="polite"
      title={detail}
      className={`flex items-center gap-1.5 text-xs ${tone}`}
    >
      {icon}
      {text}
    </span>
  );
}
