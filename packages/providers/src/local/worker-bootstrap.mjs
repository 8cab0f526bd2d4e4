// Plain JavaScript on purpose: a worker thread does not inherit the host's TypeScript
// loader (tsx, Vitest), so this file registers tsx and only then loads the TS worker.
import { register } from "tsx/esm/api";

register();
await import("./worker-main.ts");
