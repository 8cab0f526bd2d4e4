import type { IncomingHttpHeaders } from "node:http";
import type { TDatabase } from "@baton/db";
import type { TEngine } from "@baton/engine";
import {
  hasPermission,
  isBatonError,
  jsonProblem,
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

const GENERIC_FAILURE = "The server failed to handle this request; its log has the details.";

/** Sentences for the refusals tRPC itself makes before a procedure runs. */
const refusalMessage = ({ code, message, cause }: TRPCError): string | undefined => {
  if (code === "PAYLOAD_TOO_LARGE") {
    return "The request body is larger than this server reads: send less, or raise BATON_MAX_BODY_BYTES on the server.";
  }
  // JSON.parse's message quotes the text
  if (code === "PARSE_ERROR" || cause instanceof SyntaxError) {
    return "The request's input is not valid JSON.";
  }
  if (message === "Batch call exceeds maximum size") {
    return "The request batches more calls than this server takes at once: send fewer, or raise BATON_MAX_BATCH on the server.";
  }
  return undefined;
};

const t = initTRPC.context<TContext>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : undefined;
    return {
      ...shape,
      // Readable sentences; nothing of the server's internals or of the request is echoed.
      message: zodError
        ? z.prettifyError(zodError)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? GENERIC_FAILURE
          : (refusalMessage(error) ?? shape.message),
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
 * Turns our own errors into tRPC errors with their status and message; anything unexpected
 * stays an internal error, which the HTTP handler logs (http/server.ts) and the formatter
 * answers with a generic sentence.
 */
const errorBoundary = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok || !isBatonError(result.error.cause)) return result;
  const cause = result.error.cause;
  throw new TRPCError({
    code: trpcCodes[cause.code] ?? "INTERNAL_SERVER_ERROR",
    message: cause.message,
    cause,
  });
});

/**
 * Inputs that PostgreSQL cannot store (NUL characters) or that nest deeper than
 * BATON_MAX_JSON_DEPTH are refused before anything reads them.
 */
const storableInput = t.middleware(async ({ ctx, getRawInput, next }) => {
  // a body that is no JSON (an empty one, for a procedure without input) is the input
  // parser's to refuse, if the procedure has one: it reads the same failed result
  const raw = await getRawInput().catch(() => undefined);
  const problem = jsonProblem(raw, ctx.config.limits.jsonDepth, "input");
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem });
  return next();
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
const baseProcedure = t.procedure.use(errorBoundary).use(sameOrigin).use(storableInput);

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
