import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@baton/db";
import type { TRole } from "@baton/model";

export const SESSION_COOKIE = "baton_session";
/** A sign-in lasts a week; signing out, a password reset or disabling the account ends it sooner. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SEEN_EVERY_MS = 60_000;

export type TSessionUser = { id: string; email: string; name: string; roles: TRole[] };
export type TSession = { id: string; user: TSessionUser };

// The database keeps only the digest, so reading it does not give anyone a live session.
const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

export const startSession = async (
  prisma: Prisma.TransactionClient,
  userId: string,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date }> => {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.session.create({
    data: { id: digest(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
};

/** The live session a cookie value stands for, or null: unknown, expired or of a disabled user. */
export const readSession = async (
  prisma: PrismaClient,
  token: string | undefined,
): Promise<TSession | null> => {
  if (!token || token.length > 100) return null;
  const row = await prisma.session.findUnique({
    where: { id: digest(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } },
    },
  });
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now || row.user.disabledAt) return null;
  if (now - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabledAt: _disabled, ...user } = row.user;
  return { id: row.id, user };
};

/** Whether a session still holds: not ended, not expired, its user not disabled. */
export const sessionIsLive = async (prisma: PrismaClient, sessionId: string): Promise<boolean> => {
  const row = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { disabledAt: true } } },
  });
  return !!row && row.expiresAt.getTime() > Date.now() && !row.user.disabledAt;
};

export const endSession = (prisma: Prisma.TransactionClient, sessionId: string) =>
  prisma.session.deleteMany({ where: { id: sessionId } });

export const endSessionsOf = (prisma: Prisma.TransactionClient, userId: string) =>
  prisma.session.deleteMany({ where: { userId } });
