import { randomBytes } from "node:crypto";
import { text } from "node:stream/consumers";
import { openDatabase, type PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import type { z } from "zod";
import { ZPassword } from "../auth/passwords.ts";
import { loadConfig } from "../config.ts";
import { addUser } from "../users/create-user.ts";
import { setPassword } from "../users/update-user.ts";
import { ZCreateUserInput, ZEmail } from "../users/user-inputs.ts";

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // one line, as every CLI failure: "email: …; roles: …"
    const problems = parsed.error.issues.map((i) =>
      i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message,
    );
    throw new BatonError("BAD_INPUT", problems.join("; "));
  }
  return parsed.data;
};

/**
 * The password piped to standard input (its first line), or a strong one made up here and
 * printed once when nothing is piped, so no password ever sits in the shell's history.
 */
const readPassword = async (): Promise<{ password: string; madeUp: boolean }> => {
  const piped = process.stdin.isTTY ? "" : (await text(process.stdin)).split(/\r?\n/)[0];
  if (!piped) return { password: randomBytes(18).toString("base64url"), madeUp: true };
  return { password: parse(ZPassword, piped), madeUp: false };
};

const withDatabase = async (work: (prisma: PrismaClient) => Promise<void>) => {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await work(db.prisma);
  } finally {
    await db.close();
  }
};

const findUserId = async (prisma: PrismaClient, email: string) => {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user)
    throw new BatonError("NOT_FOUND", `no user has the email ${email}: see baton user list`);
  return user.id;
};

export const userAddCommand = async (email: string, options: { name?: string; role: string[] }) => {
  const { password, madeUp } = await readPassword();
  const input = parse(ZCreateUserInput, {
    email,
    name: options.name ?? email.split("@")[0],
    roles: options.role,
    password,
  });
  await withDatabase(async (prisma) => {
    const user = await addUser(prisma, input, (added) => ({
      actorId: null,
      action: "user.create",
      target: added.id,
      data: { email: added.email, roles: added.roles, via: "cli" },
    }));
    console.log(`baton: added ${user.email} (${user.roles.join(", ")})`);
    if (user.roles.length > input.roles.length) {
      console.log("baton: the first administrator holds every role; change them on Users");
    }
    if (madeUp) console.log(`baton: password (shown once): ${password}`);
  });
};

export const userResetPasswordCommand = async (email: string) => {
  const address = parse(ZEmail, email);
  const { password, madeUp } = await readPassword();
  await withDatabase(async (prisma) => {
    const user = await setPassword(
      prisma,
      await findUserId(prisma, address),
      password,
      (changed) => ({
        actorId: null,
        action: "user.reset-password",
        target: changed.id,
        data: { email: changed.email, via: "cli" },
      }),
    );
    console.log(`baton: new password set for ${user.email}; their sessions have ended`);
    if (madeUp) console.log(`baton: password (shown once): ${password}`);
  });
};

export const userListCommand = async (options: { json?: boolean }) =>
  withDatabase(async (prisma) => {
    const users = await prisma.user.findMany({
      orderBy: { email: "asc" },
      select: { email: true, name: true, roles: true, disabledAt: true, createdAt: true },
    });
    if (options.json) return void console.log(JSON.stringify(users, null, 2));
    if (!users.length)
      return void console.log("baton: no users yet: baton user add <email> --role admin");
    const rows = users.map((u) => [
      u.email,
      u.name,
      u.roles.join(","),
      u.disabledAt ? "disabled" : "active",
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) {
      console.log(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  "));
    }
  });
