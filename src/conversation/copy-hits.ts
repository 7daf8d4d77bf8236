/**
 * A passage of the officer's message found in another agency's report. The shell searches the
 * corpus (it lives in the database) and hands the hits to the engine with the message.
 */
export interface CopyHit {
  agency: string;
  year: number | null;
  /** The officer's passage and the source's, as written (at most 120 characters each). */
  quote: string;
  sourceQuote: string;
  /** Characters of the officer's text the passage spans. */
  length: number;
}
