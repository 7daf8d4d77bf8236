import { describe, expect, it } from "vitest";
import { ACTION, choiceActionId } from "../../../../src/adapters/slack/blocks/action-ids.ts";
import { decodeAction, encodeAction } from "../../../../src/adapters/slack/blocks/action-value.ts";

describe("button values", () => {
  it("encodes in a fixed key order and leaves out what is not set", () => {
    expect(encodeAction({ r: "r1", confirmFirst: true, t: "确认", k: "T1:D1" })).toBe(
      '{"k":"T1:D1","t":"确认","confirmFirst":true,"r":"r1"}',
    );
    expect(encodeAction({ k: "T1:D1" })).toBe('{"k":"T1:D1"}');
  });

  it("decodes what it encoded", () => {
    expect(decodeAction(encodeAction({ k: "home", r: "2021-abc" }))).toEqual({ k: "home", r: "2021-abc" });
  });

  it.each(["", "not json", "{}", '{"k":""}', '{"k":1}', '{"k":"a","confirmFirst":"yes"}', "null", "[]"])(
    "reads %j as not ziping's",
    (s) => {
      expect(decodeAction(s)).toBeNull();
    },
  );

  it("drops keys it does not know", () => {
    expect(decodeAction('{"k":"a","x":1}')).toEqual({ k: "a" });
  });

  it("throws (a bug) on a value longer than Slack's 2000 characters", () => {
    expect(encodeAction({ k: "a", t: "字".repeat(1980) }).length).toBe(1996);
    expect(() => encodeAction({ k: "a", t: "字".repeat(1990) })).toThrow(
      "bug: button value is 2006 characters, Slack allows 2000",
    );
  });
});

describe("action ids", () => {
  it("names choices ziping.choice.<index> and matches them", () => {
    expect(choiceActionId(12)).toBe("ziping.choice.12");
    expect(ACTION.choice.test("ziping.choice.12")).toBe(true);
    expect(ACTION.choice.test("ziping.choice.")).toBe(false);
    expect(ACTION.choice.test("ziping.skip")).toBe(false);
  });
});
