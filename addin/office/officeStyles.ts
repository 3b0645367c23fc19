/**
 * The look of each {@link CellStyle} as Office.js range formats. The styles themselves are
 * defined once, for the file writer, in adapters/exceljs/cellStyles.ts; this module translates
 * them, so a sheet inserted into Excel looks like the generated file.
 */
import { highlightStyle, StyleCache } from "../../adapters/exceljs/cellStyles.js";
import type { CellStyle, PlannedHighlight } from "../../lib/plan/WorkbookPlan.js";

type FileStyle = ReturnType<StyleCache["get"]>;
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

/** `FF333F4F` (exceljs ARGB) → `#333F4F`. */
export function argbToHex(argb: string | undefined): string | undefined {
  if (argb === undefined || !/^[0-9A-Fa-f]{8}$/.test(argb)) return undefined;
  return `#${argb.slice(2).toUpperCase()}`;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The object without its undefined properties (for `exactOptionalPropertyTypes`). */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Translates an exceljs style object (as the file writer uses it) into an Office cell format. */
export function officeFormatOf(style: FileStyle): OfficeCellFormat {
  const font = style.font;
  const fill =
    style.fill?.type === "pattern" && style.fill.pattern === "solid" ? argbToHex(style.fill.fgColor?.argb) : undefined;
  const borders: BorderSides = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const border = style.border?.[side];
    const color = argbToHex(border?.color?.argb);
    if (border?.style === "thin" && color !== undefined) borders[side] = color;
  }
  const horizontal = style.alignment?.horizontal;
  const vertical = style.alignment?.vertical;
  return defined({
    font:
      font === undefined
        ? undefined
        : defined({
            name: font.name,
            size: font.size,
            bold: font.bold,
            italic: font.italic,
            color: argbToHex(font.color?.argb),
          }),
    fill,
    borders: Object.keys(borders).length > 0 ? borders : undefined,
    horizontal:
      horizontal !== undefined && horizontal in HORIZONTAL
        ? HORIZONTAL[horizontal as keyof typeof HORIZONTAL]
        : undefined,
    vertical: vertical !== undefined && vertical in VERTICAL ? VERTICAL[vertical as keyof typeof VERTICAL] : undefined,
    wrapText: style.alignment?.wrapText,
    locked: style.protection?.locked,
  });
}

const fileStyles = new StyleCache();
const cache = new Map<string, OfficeCellFormat>();

/** The Office format of a plan's cell style (and alignment override). Cached. */
export function officeCellFormat(
  style: CellStyle,
  align?: "left" | "center" | "right",
  wrap?: boolean,
): OfficeCellFormat {
  const key = `${style}|${align ?? ""}|${wrap === true ? "wrap" : ""}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = officeFormatOf(fileStyles.get(style, undefined, align, wrap));
    cache.set(key, found);
  }
  return found;
}

/** Fill and font colour of a highlight (Excel's Good / Neutral styles, as in the file). */
export function officeHighlightFormat(fill: PlannedHighlight["fill"]): {
  readonly fill: string;
  readonly fontColor: string;
} {
  const style = highlightStyle(fill);
  const background = style.fill?.type === "pattern" ? argbToHex(style.fill.bgColor?.argb) : undefined;
  const text = argbToHex(style.font?.color?.argb);
  if (background === undefined || text === undefined) throw new Error(`highlight ${fill} has no colours`);
  return { fill: background, fontColor: text };
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
