import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * The PostgreSQL server integration tests create their databases on. Vitest's global
 * setup (test/postgres-global-setup.ts) provides one or fails the run, so a test never
 * quietly leaves out its PostgreSQL variant.
 */
export const testServerUrl = (): string => {
  const url = process.env.DATABASE_URL_TEST;
  if (!url) {
    throw new Error(
      "DATABASE_URL_TEST is not set: run integration tests through Vitest (npx vitest run --project integration …), whose global setup brings up PostgreSQL",
    );
  }
  return url;
};

/** Fails, saying which server and why, unless the test server answers. */
export const checkTestServer = async (serverUrl: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(
      `the PostgreSQL server for tests at ${new URL(serverUrl).host} does not answer (${(error as Error).message}): start it, or unset DATABASE_URL_TEST for a throwaway one`,
    );
  } finally {
    await client.end().catch(() => {});
  }
};

/**
 * A fresh, empty database on the test server (DATABASE_URL_TEST) for one test file,
 * so files never see each other's rows. Dropped by the returned function.
 */
export const createTestDatabase = async (
  serverUrl = testServerUrl(),
): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `baton_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
};
