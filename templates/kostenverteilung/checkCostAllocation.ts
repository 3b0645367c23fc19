import { cellAddress } from "../../lib/cells/address.js";
import { validateCostModel } from "../../lib/allocation/validateCostModel.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { extractCostModel } from "./costModel.js";
import { SHEET } from "./spec.js";

const PATH = /^(towns|items)\[(\d+)\](?:\.(\w+))?/;

/**
 * The cost model's own rules (lib/allocation/validateCostModel: amounts, key values, all-zero
 * keys, percentages summing to 100 %, duplicate towns, exactness limits), each finding placed on
 * the cell it is about. A workbook with neither towns nor items is a blank template: nothing to
 * check yet.
 */
export function checkCostAllocation(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const model = extractCostModel(workbook);
  if (model.towns.length === 0 && model.items.length === 0) return [];
  return validateCostModel(model).map((issue) => {
    const match = PATH.exec(issue.path);
    const sheetKey = match?.[1] === "towns" ? SHEET.towns : match?.[1] === "items" ? SHEET.items : undefined;
    const parsed = sheetKey === undefined ? undefined : parsedTable(workbook, sheetKey);
    const row = parsed?.rows[Number(match?.[2] ?? -1)]?.row;
    const column = parsed?.columns.get(issue.scenario === "actual" ? "" : (match?.[3] ?? "name"));
    return createIssue(
      issue.severity,
      "allocation.modelIssue",
      language,
      {
        file: workbook.fileName,
        sheet: parsed?.sheetName,
        cell: row !== undefined && column !== undefined ? cellAddress(row, column) : undefined,
      },
      { value: issue.message[language], expected: issue.expected, received: issue.received },
    );
  });
}
