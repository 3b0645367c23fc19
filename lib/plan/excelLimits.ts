/**
 * Limits Excel enforces on what a writer puts into a workbook; longer texts make Excel refuse
 * the command (Office.js) or "repair" the file (xlsx). Both writers apply them.
 */
export const EXCEL_LIMITS = {
  /** Characters of a data-validation input prompt. */
  prompt: 255,
  /** Characters of a data-validation error message. */
  error: 225,
  /** Characters of a cell's text. */
  cellText: 32_767,
} as const;

/** The text, cut to `max` characters with an ellipsis when longer. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
