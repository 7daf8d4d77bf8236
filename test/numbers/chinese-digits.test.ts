import { describe, expect, it } from "vitest";
import { parseChineseNumeral } from "../../src/numbers/chinese-digits.ts";

describe("parseChineseNumeral reads Chinese numerals exactly", () => {
  it.each<[input: string, value: number, decimals: number]>([
    ["零", 0, 0],
    ["〇", 0, 0],
    ["五", 5, 0],
    ["两", 2, 0],
    ["十", 10, 0],
    ["十五", 15, 0],
    ["二十五", 25, 0],
    ["一百零五", 105, 0],
    ["一百五", 150, 0],
    ["一千零五十", 1050, 0],
    ["两千", 2000, 0],
    ["三万五千", 35000, 0],
    ["一万五", 15000, 0],
    ["十万", 100000, 0],
    ["一万零五百", 10500, 0],
    ["十二万三千四百五十六", 123456, 0],
    ["一亿三千万", 130000000, 0],
    ["三万亿", 3000000000000, 0],
    ["伍佰陆拾壹万肆仟壹佰", 5614100, 0],
    ["贰拾", 20, 0],
    ["二〇二一", 2021, 0],
    ["二零二一", 2021, 0],
    ["五百六十一点四一", 561.41, 2],
    ["零点五", 0.5, 1],
    ["九十七点零九", 97.09, 2],
  ])("reads %j as %d", (input, value, decimals) => {
    expect(parseChineseNumeral(input)).toEqual({ ok: true, value: { value, decimals } });
  });

  it.each<[input: string, why: string]>([
    ["", "nothing written"],
    ["十两", "两 used as a final digit"],
    ["二十二三", "two digits in a row"],
    ["一百一千", "units out of order"],
    ["一百零", "a trailing 零"],
    ["零五", "a leading 零 in a positional number"],
    ["二〇点五", "a digit-by-digit integer before 点"],
    ["五点", "nothing after 点"],
    ["点五", "nothing before 点"],
    ["一点两", "两 after 点"],
    ["百", "百 without a digit"],
    ["万", "万 without a digit"],
    ["一万一万", "万 twice"],
  ])("rejects %j (%s) without guessing", (input) => {
    const result = parseChineseNumeral(input);
    expect(result.ok ? "" : result.error.code).toBe("number.unreadable");
    expect(result.ok ? "" : result.error.message).toContain(`“${input}”`);
  });
});
