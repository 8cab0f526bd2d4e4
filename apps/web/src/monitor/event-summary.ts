import type { TRunEvent } from "./run-types.ts";
import { readStepError } from "./step-error.ts";

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** One line about an event, beside its type: the attempt, the error, the restart. */
export const eventSummary = (event: TRunEvent): string => {
  const data = record(event.data);
  const parts: string[] = [];
  if (typeof data.nodeId === "string" && event.type.startsWith("task.")) parts.push(data.nodeId);
  if (typeof data.attempt === "number") parts.push(`attempt ${data.attempt}`);
  if (data.reclaimed === true) parts.push("taken over from a stopped worker");
  if (event.type === "run.started" && typeof data.trigger === "string") {
    parts.push(`from ${data.trigger}`);
  }
  if (event.type === "run.restarted") {
    const from = Array.isArray(data.fromNodeIds) ? data.fromNodeIds.join(", ") : "start";
    parts.push(`from ${from}`);
    if (data.editedInput === true) parts.push("with an edited input");
  }
  const error = readStepError(data.error);
  if (error) parts.push(error.code ? `${error.code}: ${error.message}` : error.message);
  return parts.join(" · ");
};
