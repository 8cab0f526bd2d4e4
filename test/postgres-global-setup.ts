import { provideTestPostgres } from "../scripts/ensure-postgres.ts";

// Integration tests read DATABASE_URL_TEST: the given server, checked, or a throwaway one
// for this run. When neither can be had the run fails here, naming what to install.
export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await provideTestPostgres();
  process.env.DATABASE_URL_TEST = postgres.url;
  return () => postgres.stop();
}
