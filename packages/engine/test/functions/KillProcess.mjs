export const description =
  "Kills the process that runs it, as a crash or an out-of-memory kill would";
export const tags = ["test"];
export const input = { type: "object" };
export const output = { type: "object" };
export async function handler() {
  // from a worker thread too, this signals the whole process
  process.kill(process.pid, "SIGKILL");
  await new Promise(() => {});
}
