const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (1–99), for list markers that are not figures. */
export function hanNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : (DIGITS[tens] ?? "")}十${ones === 0 ? "" : (DIGITS[ones] ?? "")}`;
}

/** Paragraphs as real reports number them: "一是…", "二是…", one a paragraph. */
export function yiShi(items: readonly string[]): string {
  return items.map((item, i) => `${hanNumber(i + 1)}是${item}`).join("\n\n");
}

/** Paragraphs numbered "（一）…", "（二）…", one a paragraph. */
export function parenList(items: readonly string[]): string {
  return items.map((item, i) => `（${hanNumber(i + 1)}）${item}`).join("\n\n");
}
