import { Command } from "commander";
import { version } from "../app.ts";
import { checkCommand } from "./check.ts";
import { migrateCommand } from "./migrate.ts";
import { reportError } from "./report-error.ts";
import { runCommand } from "./run.ts";
import { startCommand } from "./start.ts";
import { userAddCommand, userListCommand, userResetPasswordCommand } from "./user.ts";
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

program
  .command("check")
  .description("check a scenario file: types, mappings, graph; exits 1 when there are errors")
  .argument("<scenario>", "a baton.scenario/v1 JSON file")
  .option(
    "--catalog <file>",
    "catalog JSON (ref → {ref, name, inputSchema, outputSchema}); default: the local functions folder",
  )
  .option("--json", "print the diagnostics as JSON")
  .action(checkCommand);

program
  .command("run")
  .description(
    "publish a scenario file if it changed and run it here, printing each step as it finishes",
  )
  .argument("<scenario>", "a baton.scenario/v1 JSON file")
  .option("-i, --input <json>", "the run's input as JSON")
  .option("--input-file <file>", "the run's input from a JSON file")
  .action(runCommand);

const collect = (value: string, previous: string[]) => [...previous, value];
const user = program
  .command("user")
  .description(
    "manage accounts from the terminal (with the embedded database, stop `baton start` first); a password is read from standard input, or made up and printed once",
  );
user
  .command("add")
  .description("add a user: echo 'password' | baton user add ada@example.com --role admin")
  .argument("<email>", "the email the user signs in with")
  .option("--name <name>", "the name shown in the app (default: the email's local part)")
  .option(
    "-r, --role <role>",
    "admin, designer, operator, approver or viewer; repeat for several",
    collect,
    [],
  )
  .action(userAddCommand);
user
  .command("reset-password")
  .description("set a new password and end the user's sessions")
  .argument("<email>", "the user's email")
  .action(userResetPasswordCommand);
user
  .command("list")
  .description("list users with their roles")
  .option("--json", "print JSON")
  .action(userListCommand);

program.parseAsync().catch((error: unknown) => {
  reportError(error);
  process.exit(1);
});
