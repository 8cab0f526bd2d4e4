import { ZErrorClass } from "@baton/model";
import { describe, expect, it } from "vitest";
import { ERROR_CLASSES, joinRetryOn, parseStatuses, splitRetryOn } from "./retry-on.ts";

describe("the retry editor's retryOn", () => {
  it("offers every error class the scenario format knows", () => {
    expect(ERROR_CLASSES.map((c) => c.value).sort()).toEqual([...ZErrorClass.options].sort());
  });

  it("shows the default classes when the policy leaves retryOn out", () => {
    expect(splitRetryOn(undefined)).toEqual({
      classes: new Set(["timeout", "throttled", "unavailable"]),
      statuses: "",
    });
    expect(splitRetryOn(["timeout", 500, "502-504"])).toEqual({
      classes: new Set(["timeout"]),
      statuses: "500, 502-504",
    });
  });

  it("reads statuses and ranges, and says what is wrong with anything else", () => {
    expect(parseStatuses(" 500,502-504  429 ")).toEqual({ entries: [500, "502-504", 429] });
    expect(parseStatuses("")).toEqual({ entries: [] });
    expect(parseStatuses("500, 5xx")).toEqual({
      problem:
        "5xx is not an HTTP status: write statuses from 100 to 599 or ranges such as 502-504, separated by commas.",
    });
    expect(parseStatuses("700")).toMatchObject({ problem: expect.stringMatching(/^700 is not/) });
    expect(parseStatuses("timeout")).toMatchObject({ problem: expect.stringMatching(/^timeout/) });
  });

  it("stores nothing for the default, else every class picked and every status", () => {
    const defaults = new Set(["unavailable", "timeout", "throttled"] as const);
    expect(joinRetryOn(defaults, [])).toBeUndefined();
    expect(joinRetryOn(defaults, [500])).toEqual(["timeout", "throttled", "unavailable", 500]);
    expect(joinRetryOn(new Set(["function_error"]), [])).toEqual(["function_error"]);
    expect(joinRetryOn(new Set(), [])).toEqual([]);
  });
});
