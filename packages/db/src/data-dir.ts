import { constants } from "node:fs";
import { access, chmod, lstat, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

const OTHERS = 0o077;

/**
 * Files this process creates from now on are its user's alone (0600 files, 0700 folders):
 * the data folder holds the database, with password hashes and the audit trail.
 */
export const keepNewFilesPrivate = () => {
  process.umask(OTHERS);
};

/**
 * Takes every permission of others (group and world) off the folder and everything under it.
 * Answers how many of the entries it changed others could reach (every folder above them open
 * to them too): what was exposed, not a loose file in a closed folder. The embedded database
 * sets its files' modes itself (0666, whatever the umask), so this runs after it writes too.
 */
export const makeOwnerOnly = async (dir: string): Promise<number> => {
  let exposed = 0;
  const pending = [{ file: dir, reachable: true }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const stats = await lstat(next.file);
    // a link's own mode means nothing; what it points to may not be ours to change
    if (stats.isSymbolicLink()) continue;
    if (stats.mode & OTHERS) {
      await chmod(next.file, stats.mode & 0o7700);
      if (next.reachable) exposed += 1;
    }
    if (stats.isDirectory()) {
      // others reach what is inside only through a folder they may search
      const reachable = next.reachable && (stats.mode & 0o011) !== 0;
      for (const name of await readdir(next.file)) {
        pending.push({ file: path.join(next.file, name), reachable });
      }
    }
  }
  return exposed;
};

export type TDataDirClaim = {
  /** gives the folder back */
  release(): Promise<void>;
  /** files and folders others could reach and read or change, made owner-only while claiming */
  madePrivate: number;
};

/**
 * Makes sure the data folder exists and is writable, and takes it for this process:
 * two processes writing one embedded database would corrupt it. The folder and what it
 * holds become the owner's alone.
 */
export const claimDataDir = async (dataDir: string): Promise<TDataDirClaim> => {
  const dir = path.resolve(dataDir);
  keepNewFilesPrivate();
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
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
  return {
    release: async () => {
      await rm(lockPath, { force: true });
    },
    madePrivate: await makeOwnerOnly(dir),
  };
};
