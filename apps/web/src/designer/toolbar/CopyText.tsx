import { Check, Copy } from "lucide-react";
import { useState } from "react";

/** Text to paste elsewhere, shown whole and selectable, with a button that copies it. */
export function CopyText({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };
  const Icon = copied ? Check : Copy;
  return (
    <figure aria-label={label} className="relative">
      <pre className="overflow-x-auto whitespace-pre rounded-md border border-zinc-200 bg-zinc-50 py-1.5 pr-9 pl-2 font-mono text-[11px] text-zinc-800 leading-relaxed dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        {text}
      </pre>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        title={copied ? "Copied" : "Copy"}
        className="absolute top-1 right-1 rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <Icon className="size-3.5" aria-hidden />
      </button>
    </figure>
  );
}
