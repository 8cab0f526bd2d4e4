import type { IncomingHttpHeaders } from "node:http";
import type { TDatabase } from "@baton/db";
import type { TEngine } from "@baton/engine";
import {
  hasPermission,
  isBatonError,
  ROLES_WITH,
  type TBatonErrorCode,
  type TPermission,
} from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import type { TLoginLimiter } from "../auth/login-limiter.ts";
import { crossSiteReason } from "../auth/same-origin.ts";
import type { TSession } from "../auth/sessions.ts";
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
  loginLimiter: TLoginLimiter;
};

/** What a procedure knows of the request it serves. */
export type TRequest = {
  headers: IncomingHttpHeaders;
  /** served over HTTPS (directly or behind a proxy that says so): cookies get Secure */
  secure: boolean;
  /** the client's address, for login rate limits */
  ip: string;
  setCookie(value: string): void;
};

export type TContext = TAppServices & { request: TRequest; session: TSession | null };

const trpcCodes: Partial<Record<TBatonErrorCode, TRPC_ERROR_CODE_KEY>> = {
  BAD_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
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

/** Mutations only from Baton's own pages (or from clients that are not browsers): no CSRF. */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type !== "mutation") return next();
  const reason = crossSiteReason(ctx.request.headers);
  if (reason) throw new TRPCError({ code: "FORBIDDEN", message: `Refused: ${reason}.` });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one procedure every other is built from, so access rules live in one place. */
const baseProcedure = t.procedure.use(errorBoundary).use(sameOrigin);

/** Only what signing in needs: reachable without a session. */
export const publicProcedure = baseProcedure;

const requirePermission = (permission: TPermission) =>
  t.middleware(({ ctx, next }) => {
    const user = ctx.session?.user;
    if (!user) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to do this." });
    }
    if (!hasPermission(user.roles, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${ROLES_WITH[permission].join(" or ")} role; you have ${user.roles.join(", ") || "none"}.`,
      });
    }
    return next({ ctx: { session: ctx.session!, user } });
  });

/** Any signed-in person: looking at scenarios, runs, tasks and the catalog. */
export const readProcedure = baseProcedure.use(requirePermission("read"));
/** Editing and publishing scenarios. */
export const designProcedure = baseProcedure.use(requirePermission("design"));
/** Starting, cancelling and reworking runs. */
export const operateProcedure = baseProcedure.use(requirePermission("operate"));
/** Deciding manual tasks (each task may narrow who further). */
export const decideProcedure = baseProcedure.use(requirePermission("decide"));
/** Users, connections and the audit trail. */
export const adminProcedure = baseProcedure.use(requirePermission("administer"));
