import { findPostgresBin, startThrowawayPostgres } from "@baton/db/testing";

// Integration tests read DATABASE_URL_TEST. When it is not given, bring up a private
// PostgreSQL for this run; only a machine without any server binaries skips those tests.
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL_TEST) return undefined;
  if (!findPostgresBin()) {
    console.warn(
      "[baton] no PostgreSQL server found (set DATABASE_URL_TEST or install postgresql): PostgreSQL integration tests are skipped",
    );
    return undefined;
  }
  const postgres = await startThrowawayPostgres();
  process.env.DATABASE_URL_TEST = postgres.url;
  return () => postgres.stop();
}
