import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const ZPassword = z
  .string()
  .min(10, "A password has at least 10 characters")
  .max(200, "A password has at most 200 characters");

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    // a malformed stored hash verifies nothing
    return false;
  }
};

// Verifying against this when the account does not exist costs the same time as a real
// check, so response times do not tell which emails have accounts.
let decoy: Promise<string> | undefined;
export const verifyNothing = async (password: string): Promise<false> => {
  decoy ??= hashPassword("no account has this password");
  await verifyPassword(await decoy, password);
  return false;
};
