const OPEN = new Set(["（", "("]);
const CLOSE = /[）)]/g;

/**
 * Removes each bracketed aside — an opening （ or ( up to the first closing ） or ) after it — as
 * `text.replace(/[（(][^）)]*[）)]/g, "")` does, but in one pass: an opening bracket with no closing
 * one after it ends the search, where the regular expression would rescan the rest of the text
 * from every such bracket ("（（（…" of 30,000 characters).
 */
export function removeBracketAsides(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.has(text[i] ?? "")) continue;
    CLOSE.lastIndex = i + 1;
    const close = CLOSE.exec(text);
    if (close === null) break;
    out += text.slice(from, i);
    from = close.index + 1;
    i = close.index;
  }
  return out + text.slice(from);
}
