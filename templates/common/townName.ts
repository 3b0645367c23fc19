import { renderTerm } from "../../lib/messages/terms.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ParsedForm } from "../../lib/validation/readWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";

/** `Bockau` for `…/Bockau.xlsx`: what analyses show for a town whose name is missing. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, "");
}

/** The warning for an empty town name on a template's town form, or none. */
export function missingTownName(town: ParsedForm | undefined, file: string, language: Language): ValidationIssue[] {
  const name = town?.values["name"];
  if (!town || (typeof name === "string" && name !== "") || town.cells["name"] === undefined) return [];
  return [
    createIssue(
      "warning",
      "town.nameMissing",
      language,
      { file, sheet: town.sheetName, cell: town.cells["name"] },
      {
        expected: renderTerm("expectValue", language),
        received: renderTerm("kindEmpty", language),
        value: fileStem(file),
      },
    ),
  ];
}
