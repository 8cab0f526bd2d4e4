import { BatonError } from "@baton/model";
import { audited, recordAudit } from "../audit/record-audit.ts";
import type { TContext } from "../trpc/trpc.ts";
import { serializeCookie } from "./cookies.ts";
import type { TLimit } from "./login-limiter.ts";
import { verifyNothing, verifyPassword } from "./passwords.ts";
import { SESSION_COOKIE, SESSION_TTL_MS, startSession } from "./sessions.ts";

const PER_EMAIL: TLimit = { maxFailures: 5, windowMs: 15 * 60_000 };
const PER_CLIENT: TLimit = { maxFailures: 30, windowMs: 15 * 60_000 };

/** Starts a session for the user and hands its cookie to the browser. */
export const issueSession = async (ctx: TContext, userId: string) => {
  const { token } = await audited(
    ctx.db.prisma,
    (tx) => startSession(tx, userId, ctx.request.headers["user-agent"]),
    () => ({ actorId: userId, action: "auth.login", target: userId }),
  );
  ctx.request.setCookie(
    serializeCookie(SESSION_COOKIE, token, {
      maxAgeSeconds: SESSION_TTL_MS / 1000,
      secure: ctx.request.secure,
    }),
  );
};

export const clearSessionCookie = (ctx: TContext) =>
  ctx.request.setCookie(
    serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: ctx.request.secure }),
  );

/**
 * Checks an email and password and signs the person in. Every failure gets the same answer,
 * so it does not tell which emails have accounts; too many failures for one email or from
 * one client make it wait.
 */
export const signIn = async (ctx: TContext, email: string, password: string) => {
  const { prisma } = ctx.db;
  const keys = [
    [`email:${email}`, PER_EMAIL],
    [`client:${ctx.request.ip}`, PER_CLIENT],
  ] as const;
  // counted before any await, so a batch of attempts cannot all pass the check at once
  const waitMs = ctx.loginLimiter.reserve(keys);
  if (waitMs > 0) {
    throw new BatonError(
      "TOO_MANY_REQUESTS",
      `Too many failed sign-ins: try again in ${Math.ceil(waitMs / 60_000)} minute(s).`,
    );
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const ok =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, password)
      : await verifyNothing(password);
  if (!ok || !user) {
    await recordAudit(prisma, {
      actorId: null,
      action: "auth.login-failed",
      target: email,
      data: { ip: ctx.request.ip },
    });
    throw new BatonError("UNAUTHORIZED", "Wrong email or password.");
  }
  ctx.loginLimiter.release(keys);
  ctx.loginLimiter.clear(`email:${email}`);
  await issueSession(ctx, user.id);
};
