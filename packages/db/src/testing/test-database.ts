import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A fresh, empty database on the test server (DATABASE_URL_TEST) for one test file,
 * so files never see each other's rows. Dropped by the returned function.
 */
export const createTestDatabase = async (
  serverUrl: string,
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
