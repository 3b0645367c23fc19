/**
 * Whether a cell's number format shows a date, so its number is a date serial
 * (lib/cells/serialDates.ts turns it into a date). One detection for both readers: the .xlsx
 * reader (adapters/exceljs) and the Office.js reader (adapters/office).
 */

/** Built-in number format ids that are dates or times, whatever their (locale-dependent) code. */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a built-in number format id (a `numFmtId` with no code of its own) shows a date or time. */
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
