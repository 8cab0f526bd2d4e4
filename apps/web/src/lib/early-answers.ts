import type { QueryFunction, QueryKey } from "@tanstack/react-query";

type TEarlyAnswers = Record<string, Promise<unknown> | undefined>;

declare global {
  interface Window {
    /** answers index.html asked for before the app's code loaded, by request URL */
    __batonEarly?: TEarlyAnswers;
  }
}

/** The URL index.html asks a procedure at (tRPC's unbatched GET). */
export const earlyUrl = (path: string, input?: unknown): string =>
  `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/**
 * Query options whose first fetch takes the answer index.html already asked for, once;
 * when that failed (or was never asked) the query asks itself, so errors surface as usual.
 */
export const withEarlyAnswer = <TOptions extends { queryKey: QueryKey; queryFn?: unknown }>(
  options: TOptions,
  path: string,
  input?: unknown,
  early: TEarlyAnswers | undefined = globalThis.window?.__batonEarly,
): TOptions => {
  const url = earlyUrl(path, input);
  const answer = early?.[url];
  const ask = options.queryFn as QueryFunction | undefined;
  if (!early || !answer || !ask) return options;
  delete early[url];
  const queryFn: QueryFunction = async (context) => (await answer) ?? ask(context);
  return { ...options, queryFn };
};
