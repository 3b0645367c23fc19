/** OOXML text escapes, as the exceljs writer stores text and the reader decodes it. */

const ESCAPE_PATTERN = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes OOXML's `_xHHHH_` escapes in stored text (Excel writes a carriage return as
 * `_x000D_`, and a literal `_x0041_` typed by a user as `_x005F_x0041_`).
 */
export function decodeOoxmlText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPE_PATTERN, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/;
const ESCAPE_TARGETS = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

/**
 * Encodes text for OOXML storage the way Excel does: characters XML cannot carry become
 * `_xHHHH_` — and so does the carriage return, which XML parsers turn into a line feed —
 * and a literal `_xHHHH_` is protected as `_x005F_xHHHH_`, so
 * `decodeOoxmlText(encodeOoxmlText(t)) === t` for every string.
 */
export function encodeOoxmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPE_TARGETS, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
