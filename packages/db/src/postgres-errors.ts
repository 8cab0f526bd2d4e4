import { BatonError } from "@baton/model";

/** Where the URL points, without its password. */
export const describePostgresUrl = (url: URL): string =>
  `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname}`;

export const parsePostgresUrl = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BatonError(
      "DATABASE_CONFIG",
      "DATABASE_URL is not a valid URL: use postgresql://user:password@host:5432/database",
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new BatonError(
      "DATABASE_CONFIG",
      `DATABASE_URL must start with postgresql:// (got ${url.protocol}//): use postgresql://user:password@host:5432/database, or unset it to use the embedded database`,
    );
  }
  if (url.pathname.length <= 1) {
    throw new BatonError(
      "DATABASE_CONFIG",
      "DATABASE_URL names no database: add one, as in postgresql://user:password@host:5432/baton",
    );
  }
  return url;
};

const reasons: Record<string, string> = {
  ECONNREFUSED: "connection refused; is PostgreSQL running there?",
  ENOTFOUND: "unknown host; check the host name",
  EAI_AGAIN: "the host name could not be resolved; check the host name",
  ETIMEDOUT: "the connection timed out; check the host, port and firewall",
  "28P01": "the password was rejected; check the user and password",
  "28000": "the server refused this user; check the user and pg_hba.conf",
  "3D000": "the database does not exist; create it (createdb) or name another",
};

/** Turns a driver error met while connecting into one line that says what to do. */
export const explainConnectError = (error: unknown, url: URL): BatonError => {
  const code = (error as { code?: string }).code ?? "";
  const message = (error as Error).message ?? String(error);
  const reason = reasons[code] ?? message;
  return new BatonError(
    "DATABASE_UNREACHABLE",
    `cannot connect to PostgreSQL at ${describePostgresUrl(url)}: ${reason} (DATABASE_URL)`,
    undefined,
    { cause: error },
  );
};
