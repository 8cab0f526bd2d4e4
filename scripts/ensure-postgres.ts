import { checkTestServer, findPostgresBin, startThrowawayPostgres } from "@baton/db/testing";
import { ensureDebianPackage } from "./ensure-debian-package.ts";

export type TTestPostgres = { url: string; stop(): Promise<void> };

/**
 * The PostgreSQL server the integration tests create their databases on: the one at
 * DATABASE_URL_TEST when it is set, else a throwaway one from Debian's server binaries,
 * installed first when they are missing and we run as root. Fails, saying what to do,
 * when there can be none: the PostgreSQL variants of the tests never drop out.
 */
export const provideTestPostgres = async (): Promise<TTestPostgres> => {
  const given = process.env.DATABASE_URL_TEST;
  if (given) {
    await checkTestServer(given);
    return { url: given, stop: async () => {} };
  }
  ensureDebianPackage({
    name: "postgresql",
    present: () => findPostgresBin() !== undefined,
    missing: "No PostgreSQL server binaries under /usr/lib/postgresql",
    otherwise: "or set DATABASE_URL_TEST to a server the tests may create databases on",
  });
  return startThrowawayPostgres();
};
