/**
 * Text as HTML shows it, never as markup: every `&`, `<`, `>`, `"` and `'` replaced, so a report
 * whose words hold `<script>` shows those words. Used for every text a report or a path gives.
 */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
