import { describe, expect, it } from "vitest";
import { memoryMb } from "./gcp-provider.ts";

describe("memoryMb", () => {
  it("reads Cloud Functions memory sizes", () => {
    expect([
      memoryMb("256M"),
      memoryMb("1Gi"),
      memoryMb("512Mi"),
      memoryMb("2G"),
      memoryMb(""),
    ]).toEqual([256, 1024, 512, 2000, undefined]);
  });
});
