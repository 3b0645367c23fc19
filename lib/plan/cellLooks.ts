/**
 * How planned cells look, decided once for both writers: the font, fill, border, alignment and
 * protection of each {@link CellStyle}, the colours of highlights, and the number format a cell
 * gets (the plan's, or the default date format for a date). The exceljs writer
 * (adapters/exceljs/cellStyles.ts) and the Office.js writer (adapters/office/officeStyles.ts)
 * only translate these into their own calls, so a sheet inserted into Excel looks like the file.
 *
 * Colours are `#RRGGBB`. Fills are light so black text stays readable when printed in grey.
 */
import type { Language } from "../spec/TemplateSpec.js";
import type { CellStyle, PlannedCell, PlannedHighlight } from "./WorkbookPlan.js";

export interface FontLook {
  readonly name: string;
  /** The font family number files record beside the name (2: sans serif); Office.js has none. */
  readonly family: number;
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
}

/** The look of a cell; absent properties are left as Excel's defaults. */
export interface CellLook {
  readonly font: FontLook;
  /** Solid fill colour. */
  readonly fill?: string;
  /** Colour of a thin border on all four sides. */
  readonly border?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  /** `false` is set explicitly (text stays on one line even when a user copies a wrapping cell over it). */
  readonly wrapText?: boolean;
  /** Whether the cell is locked when someone protects the sheet. */
  readonly locked?: boolean;
}

/** The colours of the looks. */
const COLOURS = {
  headerFill: "#D9D9D9",
  headerBorder: "#808080",
  inputFill: "#FFFBE6",
  inputBorder: "#D9D9D9",
  computedFill: "#E7ECF2",
  computedText: "#333F4F",
  descriptionText: "#595959",
  good: "#C6EFCE",
  goodText: "#006100",
  neutral: "#FFEB9C",
  neutralText: "#9C5700",
  weak: "#E7E6E6",
  weakText: "#404040",
} as const;

const FONT = { name: "Calibri", family: 2, size: 11 } as const;

const STYLE_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { font: { ...FONT, size: 14, bold: true } },
  description: {
    font: { ...FONT, italic: true, color: COLOURS.descriptionText },
    wrapText: false,
    vertical: "top",
  },
  header: {
    font: { ...FONT, bold: true },
    wrapText: true,
    vertical: "top",
    fill: COLOURS.headerFill,
    border: COLOURS.headerBorder,
  },
  label: { font: { ...FONT, bold: true }, vertical: "top" },
  // typed into by users: stays editable if someone protects the sheet
  input: { font: FONT, fill: COLOURS.inputFill, border: COLOURS.inputBorder, locked: false },
  computed: {
    font: { ...FONT, color: COLOURS.computedText },
    fill: COLOURS.computedFill,
    border: COLOURS.inputBorder,
    locked: true,
  },
  reference: { font: FONT },
  meta: { font: FONT },
  text: { font: FONT, wrapText: true, vertical: "top" },
};

const looks = new Map<string, CellLook>();

/**
 * The look of a planned cell: its style's look with the cell's alignment and wrapping. The same
 * object for the same style, alignment and wrapping, so writers can cache by identity.
 * @example cellLook({ style: "computed", align: "center" }).horizontal // "center"
 */
export function cellLook(cell: Pick<PlannedCell, "style" | "align" | "wrap">): CellLook {
  const key = `${cell.style}|${cell.align ?? ""}|${cell.wrap === true ? "wrap" : ""}`;
  let found = looks.get(key);
  if (found === undefined) {
    found = {
      ...STYLE_LOOKS[cell.style],
      ...(cell.align === undefined ? {} : { horizontal: cell.align }),
      ...(cell.wrap === true ? { wrapText: true, vertical: "top" as const } : {}),
    };
    looks.set(key, found);
  }
  return found;
}

/** The colours of a highlight (a conditional format; the same colours as Excel's Good / Neutral styles). */
export function highlightLook(fill: PlannedHighlight["fill"]): { readonly fill: string; readonly fontColor: string } {
  return fill === "good"
    ? { fill: COLOURS.good, fontColor: COLOURS.goodText }
    : fill === "neutral"
      ? { fill: COLOURS.neutral, fontColor: COLOURS.neutralText }
      : { fill: COLOURS.weak, fontColor: COLOURS.weakText };
}

/** Date format for Date values whose plan gives none (number format codes are locale-neutral). */
export const DEFAULT_DATE_FORMAT: Readonly<Record<Language, string>> = { de: "dd.mm.yyyy", en: "yyyy-mm-dd" };

/**
 * The number format a planned cell gets: the plan's, else {@link DEFAULT_DATE_FORMAT} for a date
 * literal, else none (Excel's General).
 */
export function cellNumberFormat(
  cell: Pick<PlannedCell, "numberFormat" | "value" | "formula">,
  language: Language,
): string | undefined {
  return (
    cell.numberFormat ??
    (cell.value instanceof Date && cell.formula === undefined ? DEFAULT_DATE_FORMAT[language] : undefined)
  );
}
