import type { TRunContext } from "@baton/model";

export type TSandboxRequest = { id: number; text: string; context: TRunContext };

export type TSandboxResponse =
  | { type: "ready" }
  | { type: "result"; id: number; json: string | undefined }
  | { type: "failed"; id: number; message: string };
