import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDebianPackage } from "./ensure-debian-package.ts";

describe("ensureDebianPackage", () => {
  let dir: string;
  let aptGet: string;
  /** installs by creating the file `present` looks for, and logs what it was asked */
  const fakeAptGet = (exitOnInstall: number) =>
    writeFile(
      aptGet,
      `#!/bin/sh
echo "$@" >> "${dir}/calls"
case "$1" in install) touch "${dir}/installed"; exit ${exitOnInstall};; esac
`,
    ).then(() => chmod(aptGet, 0o755));
  const pkg = () => ({
    name: "postgresql",
    present: () => existsSync(path.join(dir, "installed")),
    missing: "No PostgreSQL server binaries",
    otherwise: "or set DATABASE_URL_TEST",
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "baton-apt-"));
    aptGet = path.join(dir, "apt-get");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says what to install when it may not install it", async () => {
    await fakeAptGet(0);
    expect(() => ensureDebianPackage(pkg(), { asRoot: false, aptGet })).toThrow(
      "No PostgreSQL server binaries: install it (sudo apt-get install -y postgresql) or set DATABASE_URL_TEST",
    );
    expect(existsSync(path.join(dir, "calls"))).toBe(false);
  });

  it("says what to install when there is no apt-get", () => {
    expect(() =>
      ensureDebianPackage(pkg(), { asRoot: true, aptGet: path.join(dir, "no-such-apt-get") }),
    ).toThrow(/sudo apt-get install -y postgresql/);
  });

  it("fails naming the step when apt-get fails", async () => {
    await fakeAptGet(100);
    expect(() => ensureDebianPackage(pkg(), { asRoot: true, aptGet })).toThrow(
      /apt-get install -y -qq postgresql failed/,
    );
    await rm(path.join(dir, "installed"));
    await rm(path.join(dir, "calls"));
  });

  it("installs it as root, and then leaves it be", async () => {
    await fakeAptGet(0);
    ensureDebianPackage(pkg(), { asRoot: true, aptGet });
    ensureDebianPackage(pkg(), { asRoot: true, aptGet });
    expect((await readFile(path.join(dir, "calls"), "utf8")).trim().split("\n")).toEqual([
      "--version",
      "update -qq",
      "install -y -qq postgresql",
    ]);
  });
});
