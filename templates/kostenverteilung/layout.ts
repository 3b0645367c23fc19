/** Where the sheets of template „Kostenverteilung“ start, and the few texts several faces share. */
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";

/** Sheet keys of the cost allocation. */
export const SHEET = {
  settings: "settings",
  towns: "towns",
  items: "items",
  result: "result",
  parts: "parts",
  allocation: "allocation",
  lists: "lists",
} as const;

export type CostSheetKey = (typeof SHEET)[keyof typeof SHEET];

/** Header rows (data starts one row below); the settings' first field row. */
export const HEADER_ROW = { towns: 4, items: 4, parts: 4, allocation: 4, lists: 4 } as const;
export const SETTINGS_FIRST_ROW = 4;

/** Spare rows below the pre-filled towns and items; the planner plans their splits too. */
export const SPARE_TOWNS = 4;
export const SPARE_ITEMS = 10;

/**
 * Prepared rows at least, whatever is pre-filled: room for real partnerships (12 towns, 40 cost
 * items). More on request (`ikz template kostenverteilung --town-rows N --item-rows M`).
 */
export const MIN_TOWN_ROWS = 12;
export const MIN_ITEM_ROWS = 40;
/**
 * Most rows „Verteilung“ may get on request: `(item rows + 1) · 6 · town rows`. Keeps a workbook
 * well inside the readers' limits (100 000 rows per sheet, 2 million cells) and quick to recalculate.
 */
export const MAX_PAIR_ROWS = 60_000;

/** The overhead's default label. */
export const OVERHEAD_LABEL: LocalizedText = { de: "Verwaltungskostenpauschale", en: "Administrative overhead" };

export const CHECK_TEXT: Record<"ok" | "wrong", LocalizedText> = {
  ok: { de: "✓ stimmt", en: "✓ correct" },
  wrong: { de: "✗ Differenz", en: "✗ difference" },
};

/** The text the check cells show, in both languages. */
export function checkText(verdict: "ok" | "wrong", language: "de" | "en"): string {
  return CHECK_TEXT[verdict][language];
}

/**
 * Why a check cell says ✗ (the sheet's own checks, without ikz-kit). Short, so that they fit the
 * check columns; `ikz validate` names the cell and says more.
 */
export const CHECK_REASON = {
  /** Values in a row whose name is blank: the row is not split. */
  nameMissing: { de: "✗ Name fehlt", en: "✗ name missing" },
  /** An item without a key from the list (blank or unknown): its amount is not split. */
  keyMissing: { de: "✗ Schlüssel aus Liste wählen", en: "✗ choose a key from the list" },
  /** Text in a number cell (e.g. „1.234,56 €“ pasted): the sheet cannot compute with it. */
  text: { de: "✗ Text statt Zahl", en: "✗ text, not a number" },
  negative: { de: "✗ Wert unter 0", en: "✗ value below 0" },
  amountMissing: { de: "✗ Betrag fehlt", en: "✗ amount missing" },
  feeMissing: { de: "✗ Fallpauschale fehlt", en: "✗ fee per case missing" },
  /** Mixed-key weights sum neither to 100 (percent numbers) nor to 1 (fractions). */
  mixNot100: { de: "✗ Mischanteile ≠ 100 %", en: "✗ mix weights ≠ 100 %" },
  /** The fixed percentages of the towns sum neither to 100 nor to 1. */
  fixedNot100: { de: "✗ Festanteile ≠ 100 %", en: "✗ fixed shares ≠ 100 %" },
  /** A value between 0 and 1 among percent numbers: „35 %“ typed in a percent cell stores 0.35. */
  fraction: { de: "✗ Bruch statt Prozentzahl", en: "✗ fraction, not a percent" },
  /** A town lacks a key value that an item's key needs (blank would silently count as 0). */
  keyValueMissing: { de: "✗ Schlüsselwert fehlt", en: "✗ key value missing" },
  /** The overhead's percentage below 0 or above 100. */
  percentRange: { de: "✗ Prozent nicht 0–100", en: "✗ percent not 0–100" },
  /** A total's check while the summary line above has failed checks. */
  seeSummary: { de: "✗ siehe Zeile 4", en: "✗ see row 4" },
} as const satisfies Record<string, LocalizedText>;

export type CheckReason = keyof typeof CHECK_REASON;

/**
 * The fills of the check texts: ✓ green, every ✗ reason orange (the text itself is the signal) —
 * in one language, or in both for a spec's column (written before the language is known).
 */
export function checkHighlights(
  languages: readonly ("de" | "en")[] = ["de", "en"],
): { readonly equals: string; readonly fill: "good" | "weak"; readonly language: "de" | "en" }[] {
  return [
    ...languages.map((language) => ({ equals: CHECK_TEXT.ok[language], fill: "good" as const, language })),
    ...[CHECK_TEXT.wrong, ...Object.values(CHECK_REASON)].flatMap((text) =>
      languages.map((language) => ({ equals: text[language], fill: "weak" as const, language })),
    ),
  ];
}
