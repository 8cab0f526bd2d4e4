import { Command } from "commander";
import { version } from "../version.ts";
import { reportError } from "./report-error.ts";

type TAction = (...args: never[]) => Promise<void>;

/**
 * A command whose code loads only when it runs: `baton check` needs no database, `--help`
 * nothing at all. A one-shot command exits when its work is done, whatever handles its
 * libraries leave behind (the schema engine keeps a timer for ~10 s).
 */
const command =
  <T extends TAction>(load: () => Promise<T>, { oneShot }: { oneShot: boolean }) =>
  async (...args: Parameters<T>) => {
    const action = await load();
    await action(...args);
    if (oneShot) process.exit(process.exitCode ?? 0);
  };
const oneShot = { oneShot: true };
const serving = { oneShot: false };

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
  .action(command(async () => (await import("./start.ts")).startCommand, serving));

program
  .command("worker")
  .description(
    "run workers only (no server), sharing the work of a PostgreSQL database (DATABASE_URL)",
  )
  .option("-c, --concurrency <n>", "steps to run at once (env BATON_WORKER_CONCURRENCY, default 8)")
  .action(command(async () => (await import("./worker.ts")).workerCommand, serving));

program
  .command("migrate")
  .description("apply pending database migrations and exit (start does this too)")
  .action(command(async () => (await import("./migrate.ts")).migrateCommand, oneShot));

program
  .command("check")
  .description("check a scenario file: types, mappings, graph; exits 1 when there are errors")
  .argument("<scenario>", "a baton.scenario/v1 JSON file")
  .option(
    "--catalog <file>",
    "catalog JSON (ref → {ref, name, inputSchema, outputSchema}); default: the local functions folder",
  )
  .option("--json", "print the diagnostics as JSON")
  .action(command(async () => (await import("./check.ts")).checkCommand, oneShot));

program
  .command("run")
  .description(
    "publish a scenario file if it changed and run it here, printing each step as it finishes",
  )
  .argument("<scenario>", "a baton.scenario/v1 JSON file")
  .option("-i, --input <json>", "the run's input as JSON")
  .option("--input-file <file>", "the run's input from a JSON file")
  .action(command(async () => (await import("./run.ts")).runCommand, oneShot));

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
  .action(command(async () => (await import("./user.ts")).userAddCommand, oneShot));
user
  .command("reset-password")
  .description("set a new password and end the user's sessions")
  .argument("<email>", "the user's email")
  .action(command(async () => (await import("./user.ts")).userResetPasswordCommand, oneShot));
user
  .command("list")
  .description("list users with their roles")
  .option("--json", "print JSON")
  .action(command(async () => (await import("./user.ts")).userListCommand, oneShot));

program.parseAsync().catch((error: unknown) => {
  reportError(error);
  process.exit(1);
});
