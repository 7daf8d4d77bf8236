/**
 * Opaque stand-ins for text while a template renders. Every string of the report view is replaced
 * by a token (private-use characters around a number) before Handlebars runs, so the rendered
 * output's structure can only come from template text; after rendering each token is expanded
 * back into its text as a literal run (Word) or escaped text (Markdown). Block markers stand for a
 * whole block (a table, the chart) on a line of their own. The private-use characters are removed
 * from view strings first, so no text can forge a token.
 */

const TOKEN_OPEN = "\uE000";
const TOKEN_CLOSE = "\uE001";
const BLOCK_OPEN = "\uE002";
const BLOCK_CLOSE = "\uE003";
const RESERVED = /[\uE000-\uE003]/g;

/** A token or a block marker in rendered text. */
export const TOKEN = /\uE000(\d+)\uE001/g;
/** A line that is exactly one block marker. */
export const BLOCK_LINE = /^\uE002(\d+)\uE003$/;

/** The table of tokens of one rendering. */
export class LiteralTokens {
  private readonly texts: string[] = [];
  private readonly originals = new WeakMap<object, unknown>();
  private blocks = 0;

  /** A token standing for `text` (empty text stays empty, so `{{#if}}` still sees it as false). */
  token(text: string): string {
    const clean = text.replace(RESERVED, "");
    if (clean === "") return "";
    this.texts.push(clean);
    return `${TOKEN_OPEN}${this.texts.length - 1}${TOKEN_CLOSE}`;
  }

  /** A new block marker; the caller keeps what it stands for under the returned number. */
  blockMarker(): { marker: string; index: number } {
    const index = this.blocks;
    this.blocks += 1;
    return { marker: `${BLOCK_OPEN}${index}${BLOCK_CLOSE}`, index };
  }

  /** `value` with every string replaced by a token (objects and arrays copied, the rest kept). */
  wrap<T>(value: T): T {
    if (typeof value === "string") return this.token(value) as T;
    if (Array.isArray(value))
      return this.remember(
        value.map((v) => this.wrap(v)),
        value,
      ) as T;
    if (typeof value === "object" && value !== null) {
      const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.wrap(v)]));
      return this.remember(copy, value) as T;
    }
    return value;
  }

  /** The object `wrap` copied into `copy`, or undefined when `copy` is not such a copy. */
  original(copy: unknown): unknown {
    return typeof copy === "object" && copy !== null ? this.originals.get(copy) : undefined;
  }

  /** `text` with its tokens expanded, each through `expand` (the original text by default). */
  expand(text: string, expand: (literal: string, offset: number) => string = (t) => t): string {
    return text.replace(TOKEN, (_, n: string, offset: number) => expand(this.texts[Number(n)] ?? "", offset));
  }

  private remember(copy: object, original: object): object {
    this.originals.set(copy, original);
    return copy;
  }
}
