import { validateCostModel } from "../../lib/allocation/validateCostModel.js";
import { cellAddress } from "../../lib/cells/address.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { displayTownName, findLikelyDuplicateTowns } from "../../lib/towns/townNames.js";
import type { CostModel } from "../../lib/allocation/model.js";
import { extractCostModel } from "./costModel.js";
import { MIX_COLUMNS } from "./keys.js";
import { SHEET } from "./layout.js";

/** Where a finding of the cost model belongs: a sheet, and maybe one cell of it. */
export interface Place {
  readonly sheet?: string;
  readonly cell?: string;
}

const capitalised = (field: string): string => `${field[0]?.toUpperCase() ?? ""}${field.slice(1)}`;

const mixColumn = (part: string | undefined, field: "column" | "overheadField"): string =>
  (MIX_COLUMNS.find((mix) => mix.part === part) ?? MIX_COLUMNS[0])?.[field] ?? "";

/** The column key on the towns or items sheet a path's field is typed in. */
function tableColumn(table: "towns" | "items", rest: string | undefined): string {
  if (rest === undefined || rest === "") return "name";
  const [field = "", sub] = rest.split(".");
  if (table === "towns") return field === "actual" && sub !== undefined ? `actual${capitalised(sub)}` : field;
  if (field === "mixedWeights") return mixColumn(sub, "column");
  if (field === "flatFeePerCase") return "flatFee";
  return field;
}

/** The settings field an overhead path is about. */
function overheadField(rest: string | undefined): string {
  const [field = "", sub] = (rest ?? "").split(".");
  if (field === "mixedWeights") return mixColumn(sub, "overheadField");
  return field === "key" ? "overheadKey" : field === "name" ? "overheadName" : "overheadPercent";
}

/**
 * The cell a finding's path points at: `towns[2].population`, `towns[1].actual.cases`,
 * `items[0].mixedWeights.equal`, `items[3].flatFeePerCase`, `overhead.percent`. A finding about
 * all towns (`towns[*].fixedPercent`, a sum) is placed on the column's first town.
 */
function placeOf(workbook: ParsedWorkbook, path: string): Place {
  const table = /^(towns|items)(?:\[(\d+|\*)\])?(?:\.(.+))?$/.exec(path);
  if (table) {
    const key = table[1] === "towns" ? SHEET.towns : SHEET.items;
    const parsed = parsedTable(workbook, key);
    if (!parsed) return {};
    const index = table[2] === undefined || table[2] === "*" ? 0 : Number(table[2]);
    const row = parsed.rows[index]?.row;
    const column = parsed.columns.get(tableColumn(key === SHEET.towns ? "towns" : "items", table[3]));
    return {
      sheet: parsed.sheetName,
      ...(row !== undefined && column !== undefined ? { cell: cellAddress(row, column) } : {}),
    };
  }
  const overhead = /^overhead(?:\.(.+))?$/.exec(path);
  const settings = parsedForm(workbook, SHEET.settings);
  if (overhead && settings) {
    const cell = settings.cells[overheadField(overhead[1])];
    return { sheet: settings.sheetName, ...(cell === undefined ? {} : { cell }) };
  }
  return {};
}

/** Where each town of the model has its name: sheet and cell (`Kommunen`, `A7`), in the model's order. */
export function townNamePlaces(workbook: ParsedWorkbook, count: number): Place[] {
  const parsed = parsedTable(workbook, SHEET.towns);
  const column = parsed?.columns.get("name");
  return Array.from({ length: count }, (_, index) => {
    const row = parsed?.rows[index]?.row;
    return {
      ...(parsed ? { sheet: parsed.sheetName } : {}),
      ...(row !== undefined && column !== undefined ? { cell: cellAddress(row, column) } : {}),
    };
  });
}

/** `Kommunen!A7` (or what is known of it). */
export const describePlace = (place: Place | undefined): string =>
  [place?.sheet, place?.cell].filter((part) => part !== undefined).join("!");

/**
 * One town, one row: a town listed twice (the same name once Unicode form, spaces — no-break
 * spaces too — and case do not count) is an error on the later row; names that are probably one
 * town („Gemeinde Bockau“ and „Bockau“, one letter apart, …) a warning. Each names both cells.
 */
function checkTownNames(workbook: ParsedWorkbook, model: CostModel, language: Language): ValidationIssue[] {
  const places = townNamePlaces(workbook, model.towns.length);
  const entries = model.towns.map((town, index) => ({
    name: typeof town.name === "string" ? town.name : "",
    source: describePlace(places[index]),
  }));
  return findLikelyDuplicateTowns(entries).map(({ first, second, reason }) => {
    const place = places[second.index];
    return createIssue(
      reason === "same" ? "error" : "warning",
      reason === "same" ? "towns.twiceInCostModel" : "towns.similarInCostModel",
      language,
      { file: workbook.fileName, sheet: place?.sheet, cell: place?.cell },
      {
        value: displayTownName(second.name),
        other: displayTownName(first.name),
        place: second.source,
        otherPlace: first.source,
        reason,
        expected: language === "de" ? "jede Kommune einmal" : "each town once",
        received: `${first.source}, ${second.source}`,
      },
    );
  });
}

/**
 * The cost model's own rules (lib/allocation/validateCostModel: amounts, key values, all-zero
 * keys, percentages summing to 100 %, mixed weights, flat fees, the overhead, actual values,
 * exactness limits), each finding placed on the cell it is about, and one town, one row
 * ({@link checkTownNames}, in place of the model's own duplicate rule, so that both cells are
 * named). A workbook with neither towns nor items is a blank template: nothing to check yet.
 */
export function checkCostAllocation(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const model = extractCostModel(workbook);
  if (model.towns.length === 0 && model.items.length === 0) return [];
  const own = validateCostModel(model, { typedInSheet: true, language }).filter(
    (issue) => issue.code !== "costModel.town.duplicateName",
  );
  return [
    ...checkTownNames(workbook, model, language),
    // each finding of the model on the cell its path names
    ...own.map(({ path, file: _model, expected, received, ...issue }): ValidationIssue => {
      const place = placeOf(workbook, path ?? "");
      return {
        ...issue,
        file: workbook.fileName,
        ...(place.sheet === undefined ? {} : { sheet: place.sheet }),
        ...(place.cell === undefined ? {} : { cell: place.cell }),
        ...(expected === undefined ? {} : { expected }),
        ...(received === undefined ? {} : { received }),
      };
    }),
  ];
}
