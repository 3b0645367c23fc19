/**
 * The looks of lib/plan/cellLooks.ts as exceljs style objects. Style objects are cached and
 * shared: exceljs keeps a WeakMap from style object to style id, so a shared object costs one
 * map lookup per cell, while a fresh object costs an XML rendering per cell.
 */
import type { Style } from "exceljs";
import { cellLook, highlightLook, type CellLook } from "../../lib/plan/cellLooks.js";
import type { PlannedCell, PlannedHighlight } from "../../lib/plan/WorkbookPlan.js";

/** `#D9D9D9` → `FFD9D9D9` (exceljs's ARGB). */
export function argbOf(color: string): string {
  const match = /^#?([0-9A-Fa-f]{6})$/.exec(color);
  if (!match?.[1]) throw new RangeError(`"${color}" is not a colour like #RRGGBB`);
  return `FF${match[1].toUpperCase()}`;
}

/** A cell look as an exceljs style (without number format). */
function fileStyleOf(look: CellLook): Partial<Style> {
  const { name, family, size, bold, italic, color } = look.font;
  const style: Partial<Style> = {
    font: {
      name,
      family,
      size,
      ...(bold === undefined ? {} : { bold }),
      ...(italic === undefined ? {} : { italic }),
      ...(color === undefined ? {} : { color: { argb: argbOf(color) } }),
    },
  };
  if (look.wrapText !== undefined || look.vertical !== undefined || look.horizontal !== undefined) {
    style.alignment = {
      ...(look.wrapText === undefined ? {} : { wrapText: look.wrapText }),
      ...(look.vertical === undefined ? {} : { vertical: look.vertical }),
      ...(look.horizontal === undefined ? {} : { horizontal: look.horizontal }),
    };
  }
  if (look.fill !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(look.fill) } };
  if (look.border !== undefined) {
    const side = { style: "thin" as const, color: { argb: argbOf(look.border) } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  if (look.locked !== undefined) style.protection = { locked: look.locked };
  return style;
}

/** Hands out one shared style object per (look, number format). */
export class StyleCache {
  private readonly styles = new Map<string, Partial<Style>>();

  /** The style of a planned cell with the number format it gets (lib/plan/cellLooks.ts `cellNumberFormat`). */
  get(cell: Pick<PlannedCell, "style" | "align" | "wrap">, numberFormat: string | undefined): Partial<Style> {
    const key = `${cell.style}\u0000${numberFormat ?? ""}\u0000${cell.align ?? ""}\u0000${cell.wrap === true ? "wrap" : ""}`;
    let found = this.styles.get(key);
    if (!found) {
      found = fileStyleOf(cellLook(cell));
      if (numberFormat !== undefined) found.numFmt = numberFormat;
      this.styles.set(key, found);
    }
    return found;
  }

  get size(): number {
    return this.styles.size;
  }
}

/** The conditional-format style (a differential format) of a highlight. */
export function highlightStyle(fill: PlannedHighlight["fill"]): Partial<Style> {
  const look = highlightLook(fill);
  // in a differential format (dxf) a solid fill's colour is its bgColor
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argbOf(look.fill) } },
    font: { color: { argb: argbOf(look.fontColor) } },
  };
}
