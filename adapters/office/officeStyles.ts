/**
 * The looks of lib/plan/cellLooks.ts as Office.js range formats: this module only translates
 * them, so a sheet inserted into Excel looks like the file the exceljs writer makes.
 */
import type { CellLook } from "../../lib/plan/cellLooks.js";

type BorderSides = Partial<Record<"top" | "bottom" | "left" | "right", string>>;

/** A cell look in Office.js terms; colours as `#RRGGBB`. Plain data, so it can be compared and logged. */
export interface OfficeCellFormat {
  readonly font?: {
    readonly name?: string;
    readonly size?: number;
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly color?: string;
  };
  readonly fill?: string;
  /** Thin border colour per side of every cell. */
  readonly borders?: BorderSides;
  readonly horizontal?: "Left" | "Center" | "Right";
  readonly vertical?: "Top" | "Center" | "Bottom";
  readonly wrapText?: boolean;
  readonly locked?: boolean;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The object without its undefined properties (for `exactOptionalPropertyTypes`). */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

const cache = new WeakMap<CellLook, OfficeCellFormat>();

/** The Office format of a cell look (lib/plan/cellLooks.ts `cellLook`). Cached. */
export function officeCellFormat(look: CellLook): OfficeCellFormat {
  let found = cache.get(look);
  if (found === undefined) {
    const { name, size, bold, italic, color } = look.font;
    const border = look.border;
    found = defined({
      font: defined({ name, size, bold, italic, color }),
      fill: look.fill,
      borders: border === undefined ? undefined : { top: border, bottom: border, left: border, right: border },
      horizontal: look.horizontal === undefined ? undefined : HORIZONTAL[look.horizontal],
      vertical: look.vertical === undefined ? undefined : VERTICAL[look.vertical],
      wrapText: look.wrapText,
      locked: look.locked,
    });
    cache.set(look, found);
  }
  return found;
}

/**
 * Applies a cell format to a range of `rows` × `columns` cells as range-level properties (one
 * set of commands per range, whatever its size). Borders go on every cell: the outer edges plus
 * the inside lines when the range has more than one row or column.
 */
export function applyOfficeFormat(
  format: Excel.RangeFormat,
  look: OfficeCellFormat,
  rows: number,
  columns: number,
): void {
  if (look.font !== undefined) {
    const font = look.font;
    if (font.name !== undefined) format.font.name = font.name;
    if (font.size !== undefined) format.font.size = font.size;
    if (font.bold !== undefined) format.font.bold = font.bold;
    if (font.italic !== undefined) format.font.italic = font.italic;
    if (font.color !== undefined) format.font.color = font.color;
  }
  if (look.fill !== undefined) format.fill.color = look.fill;
  const borders = look.borders;
  if (borders !== undefined) {
    const edges: [
      Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical",
      string | undefined,
    ][] = [
      ["EdgeTop", borders.top],
      ["EdgeBottom", borders.bottom],
      ["EdgeLeft", borders.left],
      ["EdgeRight", borders.right],
    ];
    if (rows > 1 && borders.top !== undefined && borders.bottom !== undefined)
      edges.push(["InsideHorizontal", borders.top]);
    if (columns > 1 && borders.left !== undefined && borders.right !== undefined)
      edges.push(["InsideVertical", borders.left]);
    for (const [edge, color] of edges) {
      if (color === undefined) continue;
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = color;
    }
  }
  if (look.horizontal !== undefined) format.horizontalAlignment = look.horizontal;
  if (look.vertical !== undefined) format.verticalAlignment = look.vertical;
  if (look.wrapText !== undefined) format.wrapText = look.wrapText;
  if (look.locked !== undefined) format.protection.locked = look.locked;
}
