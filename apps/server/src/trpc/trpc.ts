import type { IncomingMessage } from "node:http";
import type { TDatabase } from "@baton/db";
import type { TEngine } from "@baton/engine";
import { isBatonError, type TBatonErrorCode } from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import type { TSecretBox } from "../catalog/secrets/secret-box.ts";
import type { TConfig } from "../config.ts";

/** What every request can reach: the long-lived services of this process. */
export type TAppServices = {
  db: TDatabase;
  providers: ProviderRegistry;
  /** seals and opens connection credentials */
  secrets: TSecretBox;
  engine: TEngine;
  config: TConfig;
  startedAt: Date;
  version: string;
};

export type TContext = TAppServices & { req: IncomingMessage };

const trpcCodes: Partial<Record<TBatonErrorCode, TRPC_ERROR_CODE_KEY>> = {
  BAD_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
};

const t = initTRPC.context<TContext>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : undefined;
    return {
      ...shape,
      // Input errors become readable sentences; nothing from the server's internals leaks.
      message: zodError ? z.prettifyError(zodError) : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        batonCode: isBatonError(error.cause) ? error.cause.code : undefined,
        // what our own errors attach for programs, e.g. a refused publish's diagnostics
        details: isBatonError(error.cause) ? error.cause.details : undefined,
        issues: zodError?.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
    };
  },
});

/**
 * Turns our own errors into tRPC errors with their message; anything unexpected is
 * logged here and reaches the browser only as a generic sentence.
 */
const errorBoundary = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  if (isBatonError(error.cause)) {
    throw new TRPCError({
      code: trpcCodes[error.cause.code] ?? "INTERNAL_SERVER_ERROR",
      message: error.cause.message,
      cause: error.cause,
    });
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[trpc] ${path} failed:`, error.cause ?? error);
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "The server failed to handle this request; its log has the details.",
    });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one procedure every other is built from, so access rules live in one place. */
export const baseProcedure = t.procedure.use(errorBoundary);
