/**
 * The look of each {@link CellStyle} in an exceljs workbook. Style objects are cached and
 * shared: exceljs keeps a WeakMap from style object to style id, so a shared object costs one
 * map lookup per cell, while a fresh object costs an XML rendering per cell.
 */
import type { Style } from "exceljs";
import type { CellStyle, PlannedHighlight } from "../../lib/plan/WorkbookPlan.js";

const FONT = { name: "Calibri", family: 2, size: 11 } as const;
const solid = (argb: string): Style["fill"] => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const thin = (argb: string): Partial<Style["border"]> => {
  const side = { style: "thin" as const, color: { argb } };
  return { top: side, left: side, bottom: side, right: side };
};

/** Colours (ARGB). Fills are light so black text stays readable when printed in grey. */
export const COLOURS = {
  headerFill: "FFD9D9D9",
  headerBorder: "FF808080",
  inputFill: "FFFFFBE6",
  inputBorder: "FFD9D9D9",
  computedFill: "FFE7ECF2",
  computedText: "FF333F4F",
  descriptionText: "FF595959",
  good: "FFC6EFCE",
  goodText: "FF006100",
  neutral: "FFFFEB9C",
  neutralText: "FF9C5700",
  weak: "FFE7E6E6",
  weakText: "FF404040",
} as const;

const BASE: Readonly<Record<CellStyle, Partial<Style>>> = {
  title: { font: { ...FONT, size: 14, bold: true } },
  description: {
    font: { ...FONT, italic: true, color: { argb: COLOURS.descriptionText } },
    alignment: { wrapText: false, vertical: "top" },
  },
  header: {
    font: { ...FONT, bold: true },
    alignment: { wrapText: true, vertical: "top" },
    fill: solid(COLOURS.headerFill),
    border: thin(COLOURS.headerBorder),
  },
  label: { font: { ...FONT, bold: true }, alignment: { vertical: "top" } },
  input: {
    font: { ...FONT },
    fill: solid(COLOURS.inputFill),
    border: thin(COLOURS.inputBorder),
    // typed into by users: stays editable if someone protects the sheet
    protection: { locked: false },
  },
  computed: {
    font: { ...FONT, color: { argb: COLOURS.computedText } },
    fill: solid(COLOURS.computedFill),
    border: thin(COLOURS.inputBorder),
    protection: { locked: true },
  },
  reference: { font: { ...FONT } },
  meta: { font: { ...FONT } },
  text: { font: { ...FONT }, alignment: { wrapText: true, vertical: "top" } },
};

/** Date format for Date values whose plan gives none (number format codes are locale-neutral). */
export const DEFAULT_DATE_FORMAT = { de: "dd.mm.yyyy", en: "yyyy-mm-dd" } as const;

/** Hands out one shared style object per (style, number format). */
export class StyleCache {
  private readonly styles = new Map<string, Partial<Style>>();

  get(
    style: CellStyle,
    numberFormat: string | undefined,
    align?: "left" | "center" | "right",
    wrap?: boolean,
  ): Partial<Style> {
    const key = `${style}\u0000${numberFormat ?? ""}\u0000${align ?? ""}\u0000${wrap === true ? "wrap" : ""}`;
    let found = this.styles.get(key);
    if (!found) {
      const base = BASE[style];
      found = numberFormat === undefined ? { ...base } : { ...base, numFmt: numberFormat };
      if (align !== undefined) found.alignment = { ...base.alignment, horizontal: align };
      if (wrap === true) found.alignment = { ...found.alignment, wrapText: true, vertical: "top" };
      this.styles.set(key, found);
    }
    return found;
  }

  get size(): number {
    return this.styles.size;
  }
}

/** The conditional-format look of a highlight (same colours as Excel's Good / Neutral styles). */
export function highlightStyle(fill: PlannedHighlight["fill"]): Partial<Style> {
  const [background, text] =
    fill === "good"
      ? [COLOURS.good, COLOURS.goodText]
      : fill === "neutral"
        ? [COLOURS.neutral, COLOURS.neutralText]
        : [COLOURS.weak, COLOURS.weakText];
  // in a differential format (dxf) a solid fill's colour is its bgColor
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: background } },
    font: { color: { argb: text } },
  };
}
