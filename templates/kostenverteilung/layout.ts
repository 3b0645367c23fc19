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
