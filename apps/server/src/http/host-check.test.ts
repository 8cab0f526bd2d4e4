import { describe, expect, it } from "vitest";
import { hostnameOf, hostRefusal } from "./host-check.ts";

describe("hostnameOf", () => {
  it("takes the name without port or brackets, in lower case", () => {
    expect(hostnameOf("Baton.Example.com:4400")).toBe("baton.example.com");
    expect(hostnameOf("127.0.0.1:80")).toBe("127.0.0.1");
    expect(hostnameOf("[::1]:4400")).toBe("::1");
    expect(hostnameOf("::1")).toBe("::1");
    expect(hostnameOf("localhost")).toBe("localhost");
  });
});

describe("hostRefusal", () => {
  const loopback = { listenHost: "127.0.0.1", allowedHosts: [] };

  it("lets addresses and localhost through", () => {
    for (const host of ["127.0.0.1:4400", "localhost:4400", "[::1]:4400", "192.0.2.7", "LOCALHOST"])
      expect(hostRefusal(host, loopback)).toBeUndefined();
  });

  it("refuses other names, saying which variable to set", () => {
    expect(hostRefusal("rebound.evil.example:4400", loopback)).toBe(
      'This server does not answer to the name "rebound.evil.example" (the request\'s Host header). If that is its name, add it to BATON_ALLOWED_HOSTS on the server (names separated by commas).',
    );
    expect(hostRefusal(undefined, loopback)).toMatch(/no Host header/);
    expect(hostRefusal("localhost.evil.example", loopback)).toMatch(/BATON_ALLOWED_HOSTS/);
  });

  it("lets the listening name and the allowed names through, whatever the port", () => {
    const named = {
      listenHost: "baton.lan",
      allowedHosts: ["baton.example.com", "proxy.internal:8443"],
    };
    expect(hostRefusal("baton.lan:4400", named)).toBeUndefined();
    expect(hostRefusal("Baton.Example.com", named)).toBeUndefined();
    expect(hostRefusal("proxy.internal", named)).toBeUndefined();
    expect(hostRefusal("other.example.com", named)).toMatch(/"other.example.com"/);
  });
});
