// Formatters are made on first use and kept: making one costs far more than formatting, and
// the first Intl object of a page (locale data) cost ~100 ms while the run page's code ran.
let relative: Intl.RelativeTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;
const relativeFormat = () => {
  relative ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  return relative;
};
const dateTimeFormat = () => {
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return dateTime;
};
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

export const timeAgo = (date: Date | string, now = Date.now()): string => {
  const diff = new Date(date).getTime() - now;
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms || unit === "second")
      return relativeFormat().format(Math.round(diff / ms), unit);
  }
  return "";
};

export const formatDuration = (ms: number): string => {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

export const formatDateTime = (date: Date | string): string =>
  dateTimeFormat().format(new Date(date));
