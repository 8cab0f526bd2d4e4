import { BatonError } from "@baton/model";

export const scenarioNotFound = (key: string): BatonError =>
  new BatonError("NOT_FOUND", `No scenario ${key}; it may have been archived or never existed.`);

export const slugTaken = (slug: string): BatonError =>
  new BatonError(
    "CONFLICT",
    `A scenario with the slug "${slug}" already exists; choose another slug.`,
  );

/** Prisma's unique-constraint violation, raised when two requests race for the same key. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
