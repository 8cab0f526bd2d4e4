import { Markdown } from "markdown-to-jsx/react";

const LOOK =
  "space-y-2 text-zinc-700 leading-relaxed dark:text-zinc-300 [&_a]:text-indigo-600 [&_a]:underline [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs dark:[&_code]:bg-zinc-800 [&_ol]:list-decimal [&_ol]:pl-5 [&_strong]:font-semibold [&_ul]:list-disc [&_ul]:pl-5";

/**
 * An image in instructions, as a link to it: loading it would tell the image's host who
 * reads the task and when (a tracking pixel).
 */
function ImageLink({ src, alt }: { src?: string; alt?: string }) {
  const label = `${alt?.trim() || "image"} (image, not loaded)`;
  if (!src) return <span>{label}</span>;
  return (
    <a href={src} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  );
}

/**
 * The step's instructions, written in Markdown by the scenario's designer (raw HTML is not
 * rendered, images are links).
 */
export function Instructions({ text }: { text: string }) {
  if (!text.trim())
    return <p className="text-zinc-400 italic">No instructions were given for this step.</p>;
  return (
    <div className={LOOK}>
      <Markdown options={{ disableParsingRawHTML: true, overrides: { img: ImageLink } }}>
        {text}
      </Markdown>
    </div>
  );
}
