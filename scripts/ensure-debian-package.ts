import { spawnSync } from "node:child_process";

export type TDebianPackage = {
  /** Debian's name for it, as apt-get takes it */
  name: string;
  /** whether what the tests need from it is on this machine */
  present(): boolean;
  /** what is missing, said as the start of an error message */
  missing: string;
  /** the other way out for someone who cannot install it, e.g. "or set CHROMIUM_PATH" */
  otherwise: string;
};

/**
 * Installs a Debian package the tests need when it is missing and we may (as root, with
 * apt-get: CI runs so); otherwise fails saying in one line what to install. The network
 * here reaches Debian's packages, not the downloads of tools' own installers.
 */
export const ensureDebianPackage = (
  pkg: TDebianPackage,
  options: { asRoot?: boolean; aptGet?: string } = {},
): void => {
  if (pkg.present()) return;
  const asRoot = options.asRoot ?? process.getuid?.() === 0;
  const aptGet = options.aptGet ?? "apt-get";
  const byHand = `install it (sudo apt-get install -y ${pkg.name}) ${pkg.otherwise}`;
  if (!asRoot || spawnSync(aptGet, ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new Error(`${pkg.missing}: ${byHand}`);
  }
  console.log(
    `[test] ${pkg.missing}: installing it from Debian's packages (apt-get install ${pkg.name})…`,
  );
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", pkg.name],
  ]) {
    const result = spawnSync(aptGet, args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(" ")} failed: ${byHand}`);
    }
  }
  if (!pkg.present()) {
    throw new Error(`apt-get installed ${pkg.name}, and still: ${pkg.missing}`);
  }
};
