import { constants } from "node:fs";
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BatonError } from "@baton/model";

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Makes sure the data folder exists and is writable, and takes it for this process:
 * two processes writing one embedded database would corrupt it.
 * Returns a function that gives the folder back.
 */
export const claimDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  const dir = path.resolve(dataDir);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new BatonError(
      "DATA_DIR",
      `cannot write to the data folder ${dir} (${(error as NodeJS.ErrnoException).code ?? "error"}): make it writable or set BATON_DATA_DIR to another folder`,
      undefined,
      { cause: error },
    );
  }
  const lockPath = path.join(dir, "baton.pid");
  const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new BatonError(
      "DATA_DIR",
      `the data folder ${dir} is in use by another Baton process (pid ${holder}): stop it, or set BATON_DATA_DIR to another folder, or use DATABASE_URL with PostgreSQL to run several processes`,
    );
  }
  await writeFile(lockPath, String(process.pid));
  return async () => {
    await rm(lockPath, { force: true });
  };
};
