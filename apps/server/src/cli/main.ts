import { Command } from "commander";
import { version } from "../app.ts";
import { migrateCommand } from "./migrate.ts";
import { reportError } from "./report-error.ts";
import { startCommand } from "./start.ts";
import { workerCommand } from "./worker.ts";

const program = new Command("baton")
  .description("Baton: design, run and monitor scenarios of cloud functions")
  .version(version)
  .showHelpAfterError();

program
  .command("start")
  .description(
    "start the server (API, web app) with in-process workers; embedded database unless DATABASE_URL is set",
  )
  .option("-p, --port <port>", "port to listen on (env PORT, default 4400)")
  .option("--host <host>", "address to listen on (env HOST, default 127.0.0.1)")
  .action(startCommand);

program
  .command("worker")
  .description(
    "run workers only (no server), sharing the work of a PostgreSQL database (DATABASE_URL)",
  )
  .option("-c, --concurrency <n>", "steps to run at once (env BATON_WORKER_CONCURRENCY, default 8)")
  .action(workerCommand);

program
  .command("migrate")
  .description("apply pending database migrations and exit (start does this too)")
  .action(migrateCommand);

program.parseAsync().catch((error: unknown) => {
  reportError(error);
  process.exit(1);
});
