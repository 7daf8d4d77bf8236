import { describe, expect, test } from "vitest";
import { obviousScheme, schemesForRegion } from "../../src/conversation/scheme-choice.ts";
import { installedSchemes } from "../../src/services/scheme-files.ts";

const loaded = installedSchemes();
if (!loaded.ok) throw new Error(loaded.error.message);
const schemes = loaded.value;
const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe("the schemes offered for a region", () => {
  test("a region naming all the scheme's places: that scheme, chosen without asking", () => {
    expect(ids(schemesForRegion("河南省郑州市金水区", "department", schemes))).toEqual([
      "henan-zhengzhou-district-department",
    ]);
    expect(obviousScheme("河南省郑州市金水区", "department", schemes)?.id).toBe(
      "henan-zhengzhou-district-department",
    );
  });

  test("only the province named (河南): the province's scheme offered first, others of other provinces not, none chosen", () => {
    expect(ids(schemesForRegion("河南", "department", schemes))).toEqual([
      "henan-zhengzhou-district-department",
    ]);
    expect(obviousScheme("河南", "department", schemes)).toBeUndefined();
  });

  test("a region no scheme names: nothing fits (the question then lists every scheme of the kind)", () => {
    expect(ids(schemesForRegion("甘肃省兰州市", "department", schemes))).toEqual([]);
  });
});
