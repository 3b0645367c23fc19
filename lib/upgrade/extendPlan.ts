import { cellAddress } from "../cells/address.js";
import { CARRIED_OVER_SHEET, renderCarriedOverReason } from "../messages/upgradeTexts.js";
import type { PlannedWorkbook } from "../plan/planWorkbook.js";
import { sheetLayout } from "../plan/resolveLayout.js";
import type { PlannedCell, PlannedRow, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { Language } from "../spec/TemplateSpec.js";
import type { CarriedOverValue, ExtraColumn, UserSheet } from "./carryValues.js";
import type { UpgradeChange } from "./UpgradeChange.js";
import { plainSheet } from "../plan/plainSheet.js";

const EXTRA_COLUMN_WIDTH = 18;
/** First data row of the „Übernommen“ sheet (title, description, blank, header). */
const CARRIED_FIRST_ROW = 5;

/** Rows of a plan with more cells merged in (both ascending by row); rows only in `more` are added. */
function* mergeRows(planned: Iterable<PlannedRow>, more: ReadonlyMap<number, PlannedCell[]>): Generator<PlannedRow> {
  const pending = [...more.keys()].sort((a, b) => a - b);
  let next = 0;
  for (const row of planned) {
    while (next < pending.length && (pending[next] ?? 0) < row.row) {
      const number = pending[next++] ?? 0;
      yield { row: number, cells: more.get(number) ?? [] };
    }
    if (pending[next] === row.row) {
      next++;
      yield { ...row, cells: [...row.cells, ...(more.get(row.row) ?? [])] };
    } else yield row;
  }
  while (next < pending.length) {
    const number = pending[next++] ?? 0;
    yield { row: number, cells: more.get(number) ?? [] };
  }
}

/** A table sheet's plan with the user's own columns to the right of the template's. */
function withExtraColumns(
  sheet: SheetPlan,
  planned: PlannedWorkbook,
  extras: readonly ExtraColumn[],
  language: Language,
): SheetPlan {
  const place = sheetLayout(planned.layout, sheet.key);
  const first = place.columns.size + 1;
  const more = new Map<number, PlannedCell[]>();
  const add = (row: number, cell: PlannedCell) => {
    const cells = more.get(row) ?? [];
    cells.push(cell);
    more.set(row, cells);
  };
  extras.forEach((extra, index) => {
    const column = first + index;
    const header = extra.header === "" ? CARRIED_OVER_SHEET.untitledColumn(extra.from)[language] : extra.header;
    add(place.headerRow, { column, value: header, style: "header" });
    for (const [offset, value] of [...extra.values.entries()].sort(([a], [b]) => a - b))
      add(place.firstDataRow + offset, { column, value, style: "input" });
  });
  const added = [...more.keys()].filter((row) => row > place.lastDataRow).length;
  return {
    ...sheet,
    columnWidths: [...sheet.columnWidths, ...extras.map(() => EXTRA_COLUMN_WIDTH)],
    rowCount: sheet.rowCount + added,
    rows: () => mergeRows(sheet.rows(), more),
  };
}

/** A sheet of the user's own, values only. */
function userSheetPlan(sheet: UserSheet, key: string, name: string): SheetPlan {
  const rows: PlannedRow[] = sheet.rows.map((row) => ({
    row: row.row,
    cells: row.cells.map((cell) => ({ column: cell.column, value: cell.value, style: "reference" as const })),
  }));
  const widest = Math.max(1, ...sheet.rows.flatMap((row) => row.cells.map((cell) => cell.column)));
  return plainSheet(key, name, rows, { columnWidths: Array.from({ length: widest }, () => EXTRA_COLUMN_WIDTH) });
}

/** The „Übernommen“ sheet: every value without a place, with where it was and why. */
function carriedOverPlan(
  values: readonly CarriedOverValue[],
  name: string,
  from: string,
  to: string,
  language: Language,
): SheetPlan {
  const texts = CARRIED_OVER_SHEET;
  const rows: PlannedRow[] = [
    { row: 1, cells: [{ column: 1, value: texts.title(from, to)[language], style: "title" }], height: 24 },
    { row: 2, cells: [{ column: 1, value: texts.description[language], style: "description" }] },
    {
      row: CARRIED_FIRST_ROW - 1,
      cells: texts.headers.map((header, index) => ({ column: index + 1, value: header[language], style: "header" })),
    },
    ...values.map((value, index) => ({
      row: CARRIED_FIRST_ROW + index,
      cells: [
        { column: 1, value: value.sheet, style: "reference" as const, numberFormat: "@" },
        { column: 2, value: value.cell, style: "reference" as const, numberFormat: "@" },
        { column: 3, value: value.column ?? "", style: "reference" as const, numberFormat: "@" },
        { column: 4, value: value.value, style: "input" as const },
        { column: 5, value: renderCarriedOverReason(value.reason, language), style: "reference" as const },
      ],
    })),
  ];
  return {
    key: "carriedOver",
    name,
    state: "visible",
    columnWidths: [20, 8, 28, 24, 44],
    rowCount: rows.length,
    rows: () => rows,
    frozen: { rows: CARRIED_FIRST_ROW - 1, columns: 0 },
    validations: [],
    highlights: [],
    merges: [],
    print: { landscape: true, titleRows: `${CARRIED_FIRST_ROW - 1}:${CARRIED_FIRST_ROW - 1}` },
  };
}

/** A sheet name not yet taken (names compare without case, as in Excel), e.g. „Übernommen (2)“. */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted.slice(0, 26)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The planned current workbook plus what the user kept: their own columns next to the tables,
 * their own sheets, and the „Übernommen“ sheet for values without a place (before the hidden
 * metadata sheet, which stays last). Returns the plan and a change per value carried over.
 */
export function extendPlan(
  planned: PlannedWorkbook,
  kept: {
    readonly extraColumns: Readonly<Record<string, readonly ExtraColumn[]>>;
    readonly userSheets: readonly UserSheet[];
    readonly carriedOver: readonly CarriedOverValue[];
  },
  versions: { readonly from: string; readonly to: string },
  language: Language,
): { plan: WorkbookPlan; changes: UpgradeChange[] } {
  const sheets = planned.plan.sheets.map((sheet) => {
    const extras = kept.extraColumns[sheet.key];
    return extras && extras.length > 0 ? withExtraColumns(sheet, planned, extras, language) : sheet;
  });
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const metadata = sheets.filter((s) => s.state === "hidden");
  const visible = sheets.filter((s) => s.state !== "hidden");
  const own = kept.userSheets.map((sheet, index) =>
    userSheetPlan(sheet, `userSheet${index + 1}`, freeName(sheet.name, taken)),
  );
  const changes: UpgradeChange[] = [];
  const added: SheetPlan[] = [...own];
  if (kept.carriedOver.length > 0) {
    const name = freeName(CARRIED_OVER_SHEET.name[language], taken);
    added.push(carriedOverPlan(kept.carriedOver, name, versions.from, versions.to, language));
    kept.carriedOver.forEach((value, index) =>
      changes.push({
        kind: "valueCarriedOver",
        sheet: value.sheet,
        cell: value.cell,
        value: value.value,
        reason: value.reason,
        ...(value.column === undefined ? {} : { column: value.column }),
        at: `${name}!${cellAddress(CARRIED_FIRST_ROW + index, 4)}`,
      }),
    );
  }
  return { plan: { ...planned.plan, sheets: [...visible, ...added, ...metadata] }, changes };
}
