import { z } from "zod";

const INT4_MAX = 2_147_483_647;

/** A version number: the database keeps it in a 32-bit integer. */
export const ZVersionNumber = z
  .number()
  .int()
  .min(1)
  .max(INT4_MAX, `A version number is at most ${INT4_MAX}`);

/** A moment the database can keep and a person could mean: from 1970 up to the year 9999. */
export const ZInstant = z.coerce
  .date()
  .min(new Date("1970-01-01T00:00:00Z"), "A date is 1970 or later")
  .max(new Date("9999-12-31T23:59:59.999Z"), "A date is before the year 10000");
