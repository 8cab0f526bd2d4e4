import { describe, expect, it } from "vitest";
import { hookRefusal } from "./hook-token.ts";

describe("hookRefusal", () => {
  const token = "a-long-random-webhook-token-0123";

  it("lets a call with the configured bearer token through", () => {
    expect(hookRefusal(token, { authorization: `Bearer ${token}` })).toBeUndefined();
    expect(hookRefusal(token, { authorization: `bearer ${token}` })).toBeUndefined();
  });

  it("refuses calls without the token, or with another", () => {
    expect(hookRefusal(token, {})).toMatchObject({ status: 401 });
    expect(hookRefusal(token, { authorization: "Bearer nope" })).toMatchObject({ status: 401 });
    expect(hookRefusal(token, { authorization: token })).toMatchObject({ status: 401 });
  });

  it("says webhooks are off when no token is configured", () => {
    expect(hookRefusal(undefined, { authorization: "Bearer x" })).toMatchObject({
      status: 403,
      error: expect.stringMatching(/BATON_HOOK_TOKEN/),
    });
  });
});
