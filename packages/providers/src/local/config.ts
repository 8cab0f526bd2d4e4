import path from "node:path";
import { BatonError } from "@baton/model";
import type { Connection } from "../types.ts";

export type LocalConfig = {
  /** Folder of function modules (`*.ts`, `*.mts`, `*.js`, `*.mjs`), absolute or relative to the working directory. */
  folder: string;
  /** Heap limit for functions that give no `memoryMb` hint. */
  memoryMb: number;
};

export const defaultMemoryMb = 256;

export function readLocalConfig(connection: Connection): LocalConfig {
  const { folder, memoryMb } = connection.config;
  if (typeof folder !== "string" || folder === "") {
    throw new BatonError(
      "BAD_INPUT",
      `Connection "${connection.name}" needs config.folder: the folder holding the function modules.`,
    );
  }
  if (memoryMb !== undefined && (typeof memoryMb !== "number" || memoryMb < 16)) {
    throw new BatonError(
      "BAD_INPUT",
      `config.memoryMb of "${connection.name}" must be a number ≥ 16.`,
    );
  }
  return { folder: path.resolve(folder), memoryMb: memoryMb ?? defaultMemoryMb };
}
