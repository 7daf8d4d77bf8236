import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/services/project-root.ts";

/** A file system that holds only /home/li/ziping/package.json. */
const onlyPackage = (path: string) => path === "/home/li/ziping/package.json";

describe("findProjectRoot", () => {
  it("finds the project two levels above the source (src/services/)", () => {
    expect(findProjectRoot("/home/li/ziping/src/services", onlyPackage)).toBe("/home/li/ziping");
  });

  it("finds the same project one level above the bundle (dist/)", () => {
    expect(findProjectRoot("/home/li/ziping/dist", onlyPackage)).toBe("/home/li/ziping");
  });

  it("throws (a broken install, a bug) when no folder above holds a package.json", () => {
    expect(() => findProjectRoot("/tmp/elsewhere", onlyPackage)).toThrow(
      "no package.json at or above /tmp/elsewhere",
    );
  });
});
