// Plain JavaScript on purpose: a forked process does not inherit the host's TypeScript
// loader (tsx, Vitest), so this file registers tsx and only then loads the evaluator.
import { register } from "tsx/esm/api";

register();
await import("./sandbox-process.ts");
