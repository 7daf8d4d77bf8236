/**
 * A small, tolerant XML tokenizer for machine-written Office XML (document.xml). It scans tags with a
 * regular expression and never builds a tree, so a large document costs one pass. Comments, processing
 * instructions and DOCTYPE declarations are skipped; CDATA becomes text; only the five predefined
 * entities and numeric character references are decoded (no DTD entities, so no entity expansion).
 */

/** One token: an opening (possibly self-closing) tag, a closing tag, or character data. */
export type XmlToken =
  | { kind: "open"; name: string; attrs: string; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

/** Markup: comment, CDATA, DOCTYPE/declaration, processing instruction, or an ordinary tag. */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Yields the tokens of `xml` in document order. Text between tags is entity-decoded. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  MARKUP.lastIndex = 0;
  let at = 0;
  for (let match = MARKUP.exec(xml); match !== null; match = MARKUP.exec(xml)) {
    if (match.index > at) yield { kind: "text", text: decodeEntities(xml.slice(at, match.index)) };
    at = MARKUP.lastIndex;
    const [whole, cdata, slash, name, attrs, selfClose] = match;
    if (cdata !== undefined) yield { kind: "text", text: cdata };
    if (name === undefined || whole.startsWith("<!") || whole.startsWith("<?")) continue;
    if (slash === "/") yield { kind: "close", name };
    else yield { kind: "open", name, attrs: attrs ?? "", selfClosing: selfClose === "/" };
  }
  if (at < xml.length) yield { kind: "text", text: decodeEntities(xml.slice(at)) };
}

/** Decodes the predefined entities and numeric references; unknown entities are left as written. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, named?: string) => {
    if (named !== undefined) return NAMED[named] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? "", 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The decoded value of attribute `name` (e.g. "w:val") in a tag's attribute text, if present. */
export function attribute(attrs: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|\\s)${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (match === null) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? "");
}
