import { describe, expect, it } from "vitest";
import { crossSiteReason } from "./same-origin.ts";

describe("crossSiteReason", () => {
  it("lets same-origin pages and clients that are not browsers through", () => {
    expect(crossSiteReason({ host: "baton:4400" })).toBeUndefined();
    expect(
      crossSiteReason({
        host: "baton:4400",
        origin: "http://baton:4400",
        "sec-fetch-site": "same-origin",
      }),
    ).toBeUndefined();
    expect(
      crossSiteReason({
        host: "127.0.0.1:9",
        "x-forwarded-host": "baton.example",
        origin: "https://baton.example",
      }),
    ).toBeUndefined();
  });

  it("refuses requests other sites make a browser send", () => {
    expect(crossSiteReason({ host: "baton:4400", "sec-fetch-site": "cross-site" })).toMatch(
      /cross-site page/,
    );
    expect(crossSiteReason({ host: "baton:4400", "sec-fetch-site": "same-site" })).toMatch(
      /same-site page/,
    );
    expect(crossSiteReason({ host: "baton:4400", origin: "https://evil.example" })).toMatch(
      /evil\.example/,
    );
    expect(crossSiteReason({ host: "baton:4400", origin: "null" })).toMatch(/not a web address/);
  });
});
