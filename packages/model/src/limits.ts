/** Bounds of what one run may hold. Each is configurable on the server (see README.md). */
export type TRunLimits = {
  /** largest run input, step input or output, or run output, as bytes of JSON */
  readonly valueBytes: number;
  /** most items one map step iterates */
  readonly mapItems: number;
  /** most items of one map step running at once */
  readonly mapConcurrency: number;
  /** how deep arrays and objects may nest in an input or a step's value */
  readonly jsonDepth: number;
};

export const DEFAULT_RUN_LIMITS: TRunLimits = {
  valueBytes: 4 * 1024 * 1024,
  mapItems: 10_000,
  mapConcurrency: 100,
  jsonDepth: 64,
};

export const describeBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} bytes`;
