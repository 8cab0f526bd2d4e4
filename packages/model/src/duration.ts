import { BatonError } from "./errors.ts";

// Years and months are left out on purpose: their length in milliseconds depends on the date.
const ISO_DURATION =
  /^P(?!$)(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000] as const;

export const isIsoDuration = (text: string): boolean => ISO_DURATION.test(text);

/**
 * A duration in milliseconds: either a number of milliseconds or an ISO-8601 duration
 * with weeks, days, hours, minutes and seconds (`PT15M`, `P2D`, `P1DT12H`).
 */
export const parseDuration = (duration: number | string): number => {
  if (typeof duration === "number") {
    if (Number.isInteger(duration) && duration >= 0) return duration;
    throw new BatonError(
      "BAD_INPUT",
      `A duration must be a whole number of milliseconds, not ${duration}.`,
    );
  }
  const match = ISO_DURATION.exec(duration);
  if (!match) {
    throw new BatonError(
      "BAD_INPUT",
      `"${duration}" is not a duration; write milliseconds or an ISO-8601 duration such as PT15M or P2D (without years or months).`,
    );
  }
  return Math.round(
    UNIT_MS.reduce((total, unit, i) => total + Number(match[i + 1] ?? 0) * unit, 0),
  );
};
