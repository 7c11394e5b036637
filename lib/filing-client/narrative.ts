/**
 * Narrative text is plain text. Word and WPS put vertical tab (a manual line break) and form feed (a page
 * break) on the clipboard; the schema refuses C0 control characters because XML exports cannot hold them, so
 * line-like ones become line breaks and the rest are dropped as the clerk types or pastes.
 */
export function normalizeNarrative(text: string): string {
  return text.replace(/[\u000b\u000c]/g, "\n").replace(/[\u0000-\u0008\u000e-\u001f]/g, "");
}

/** Characters as the server's length limit counts them (UTF-16 units, like zod's max). */
export function narrativeLength(text: string): number {
  return text.length;
}
