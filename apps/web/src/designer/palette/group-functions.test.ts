import { describe, expect, it } from "vitest";
import { groupFunctions, type TPaletteFunction } from "./group-functions.ts";

const fn = (provider: string, connection: string, name: string): TPaletteFunction => ({
  ref: `${connection}/${name}`,
  name,
  description: "",
  connection: { name: connection, provider },
});

describe("groupFunctions", () => {
  it("groups by provider, then connection, each sorted by name", () => {
    const groups = groupFunctions([
      fn("local", "examples", "ValidateEmail"),
      fn("aws-lambda", "prod", "Charge"),
      fn("local", "examples", "CreateUser"),
      fn("local", "dev", "Echo"),
    ]);
    expect(
      groups.map((g) => [
        g.provider,
        g.connections.map((c) => [c.connection, c.functions.map((f) => f.name)]),
      ]),
    ).toEqual([
      ["aws-lambda", [["prod", ["Charge"]]]],
      [
        "local",
        [
          ["dev", ["Echo"]],
          ["examples", ["CreateUser", "ValidateEmail"]],
        ],
      ],
    ]);
  });
});
