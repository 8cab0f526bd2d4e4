/**
 * What the log says of an unexpected error: its kind, code and where it was thrown. Messages
 * stay out, because they can quote the request (Prisma prints a query's arguments, JSON
 * quotes the text, V8 quotes values), unless BATON_DEBUG asks for everything.
 */
export const describeUnexpected = (error: unknown): string => {
  if (process.env.BATON_DEBUG)
    return error instanceof Error ? (error.stack ?? String(error)) : String(error);
  if (!(error instanceof Error)) return `${typeof error} thrown (BATON_DEBUG=1 shows it)`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 6);
  return [
    `${error.name}${typeof code === "string" ? ` ${code}` : ""} (BATON_DEBUG=1 shows its message)`,
    ...frames,
  ].join("\n");
};
