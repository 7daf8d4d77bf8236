/**
 * Characters that show nothing but change what a text says or how it is shown: the soft hyphen
 * (U+00AD), the Arabic letter mark (U+061C), the Mongolian
 * vowel separator (U+180E), zero-width spaces and joiners and the left-to-right / right-to-left marks
 * (U+200B–U+200F), the bidirectional embeddings and overrides (U+202A–U+202E), the word joiner and
 * invisible operators (U+2060–U+2064), the bidirectional isolates (U+2066–U+2069), the deprecated
 * format characters (U+206A–U+206F), the byte-order mark (U+FEFF) and interlinear annotation marks
 * (U+FFF9–U+FFFB). A name holding U+202E shows reversed; one holding U+00AD looks like another name.
 */
const INVISIBLE =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** The text without invisible and bidirectional control characters (see above); all else is kept. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
