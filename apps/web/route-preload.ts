import type { Plugin, Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The placeholder index.html lists a route's chunks under; empty in development. */
const PLACEHOLDER = '"__RUN_PAGE_CHUNKS__"';

const isChunk = (file: OutputBundle[string] | undefined): file is OutputChunk =>
  file?.type === "chunk";

/** A chunk and every chunk it imports statically, by file name. */
const closure = (bundle: OutputBundle, fileName: string, into = new Set<string>()) => {
  const chunk = bundle[fileName];
  if (into.has(fileName) || !isChunk(chunk)) return into;
  into.add(fileName);
  for (const imported of chunk.imports) closure(bundle, imported, into);
  return into;
};

/**
 * Writes the URLs of the run page's chunks (those the app's entry does not load already)
 * into index.html, so a run opened by its address starts loading its code with the HTML
 * instead of after the entry has loaded and run.
 */
export const routePreload = (page: string): Plugin => ({
  name: "baton-route-preload",
  apply: "build",
  transformIndexHtml: {
    order: "post",
    handler(html, { bundle, chunk }) {
      if (!bundle || !chunk) return html;
      const pageChunk = Object.values(bundle).find(
        (file) => isChunk(file) && file.facadeModuleId?.endsWith(page),
      );
      if (!pageChunk) throw new Error(`route-preload: no chunk for ${page}`);
      const loaded = closure(bundle, chunk.fileName);
      const urls = [...closure(bundle, pageChunk.fileName)]
        .filter((file) => !loaded.has(file))
        .map((file) => `/${file}`);
      return html.replace(PLACEHOLDER, JSON.stringify(urls));
    },
  },
});
