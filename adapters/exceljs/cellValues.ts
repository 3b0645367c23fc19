/** Small pure helpers shared by the exceljs writer and reader: dates, number formats, text escapes. */

export { serialToDate } from "../../lib/cells/serialDates.js";

/** Built-in number format ids that are dates or times, whatever their (locale-dependent) code. */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

export function isBuiltinDateFormatId(id: number): boolean {
  return BUILTIN_DATE_IDS.has(id);
}

/**
 * Whether a number format code shows a date or time (so the number is a date serial).
 * Literal text (`"…"`, `\x`), fill/padding (`*x`, `_x`), colours and locales (`[Red]`,
 * `[$-407]`) are ignored; elapsed durations (`[h]:mm`) count as numbers, not dates.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  // the first section formats positive numbers (dates are positive)
  let text = "";
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (inQuote) {
      if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') {
      inQuote = true;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
      continue;
    }
    if (ch === ";") break;
    text += ch;
  }
  if (/\[(h+|m+|s+)\]/i.test(text)) return false;
  text = text.replace(/\[[^\]]*\]/g, "");
  if (/general/i.test(text)) return false;
  return /[dmyhs]/i.test(text);
}

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
