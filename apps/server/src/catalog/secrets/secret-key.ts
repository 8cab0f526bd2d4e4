import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { BatonError } from "@baton/model";

export const keyFileName = "secret.key";

const decodeKey = (text: string, where: string): Buffer => {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, "base64") : undefined;
  if (key?.length === 32) return key;
  throw new BatonError(
    "BAD_INPUT",
    `${where} must be 32 random bytes in base64 (44 characters), e.g. the output of \`openssl rand -base64 32\`.`,
  );
};

const unusableFolder = (dir: string, error: unknown) =>
  new BatonError(
    "DATA_DIR",
    `cannot write to the data folder ${dir} (${(error as NodeJS.ErrnoException).code ?? "error"}), where the key for stored credentials lives: make it writable, set BATON_DATA_DIR to another folder, or set BATON_SECRET_KEY`,
    undefined,
    { cause: error },
  );

/**
 * The key credentials are sealed with: BATON_SECRET_KEY when set, else `secret.key` in the
 * data folder, written (mode 0600) with a random key on first use. Losing it makes stored
 * credentials unreadable, so a malformed key is an error, never a reason to make a new one.
 */
export const loadSecretKey = async (options: {
  envKey: string | undefined;
  dataDir: string;
}): Promise<Buffer> => {
  if (options.envKey !== undefined) return decodeKey(options.envKey, "BATON_SECRET_KEY");
  const file = path.join(options.dataDir, keyFileName);
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw unusableFolder(options.dataDir, error);
  });
  if (existing !== undefined) return decodeKey(existing, file);
  await mkdir(options.dataDir, { recursive: true }).catch((error) => {
    throw unusableFolder(options.dataDir, error);
  });
  const key = randomBytes(32);
  // "wx": two processes starting at once must not both write a key; the loser reads the winner's.
  try {
    await writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST")
      throw unusableFolder(options.dataDir, error);
    return decodeKey(await readFile(file, "utf8"), file);
  }
  return key;
};
