import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { importConflict } from "./import-conflict.ts";

const refused = (data: unknown) =>
  TRPCClientError.from({ error: { code: -32009, message: "taken", data } });

describe("importConflict", () => {
  it("reads the taken slug and the free one offered", () => {
    expect(
      importConflict(
        refused({
          code: "CONFLICT",
          httpStatus: 409,
          details: { slug: "order", suggested: { slug: "order-2", name: "Order 2" } },
        }),
      ),
    ).toEqual({ slug: "order", suggested: { slug: "order-2", name: "Order 2" } });
  });

  it("is nothing for other refusals and errors", () => {
    expect(importConflict(refused({ code: "BAD_REQUEST", httpStatus: 400 }))).toBeUndefined();
    expect(importConflict(refused({ code: "CONFLICT", httpStatus: 409 }))).toBeUndefined();
    expect(importConflict(new Error("offline"))).toBeUndefined();
  });
});
