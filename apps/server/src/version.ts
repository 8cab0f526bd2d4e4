import { readFileSync } from "node:fs";

/** Baton's version, from the server package. */
export const version: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;
