/**
 * Every text a template writes into a workbook — cells, input prompts, the messages of Excel's
 * data validation — blank and with demo data, German and English: no plural hacks („Befund(e)“),
 * nothing undefined, no placeholder left, no year with a thousands separator („2.000“). The
 * catalogues' own texts: test/messages.test.ts.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../lib/spec/TemplateSpec.js";
import { TEMPLATES } from "../templates/registry.js";
import { textProblems } from "../lib/testing/wordingProblems.js";

describe("texts in the workbooks of every template", () => {
  it.each(TEMPLATES.map((t) => t.spec.id))("%s: blank and demo, German and English", (id) => {
    const template = TEMPLATES.find((t) => t.spec.id === id)!;
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      for (const demo of [false, true]) {
        const { plan } = template.plan({ language, demo });
        for (const sheet of plan.sheets) {
          const where = `${language}${demo ? " demo" : ""} ${sheet.name}`;
          for (const row of sheet.rows())
            for (const cell of row.cells)
              if (typeof cell.value === "string" && cell.value.trim() !== "")
                for (const problem of textProblems(cell.value))
                  problems.push(`${where} R${row.row}C${cell.column}: ${problem}`);
          for (const validation of sheet.validations)
            for (const text of [validation.prompt, validation.error])
              if (text !== undefined)
                for (const problem of textProblems(text))
                  problems.push(`${where} ${validation.range}: ${problem} — ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the budget year's range reads „2000 bis 2100“, as its cell shows it", () => {
    const template = TEMPLATES.find((t) => t.spec.id === "kostenverteilung")!;
    const errors = (language: "de" | "en") =>
      template
        .plan({ language })
        .plan.sheets.flatMap((sheet) => sheet.validations.map((v) => v.error))
        .filter((error) => /Haushaltsjahr|Budget year/.test(error));
    expect(errors("de")).toEqual(["Haushaltsjahr: ganze Zahl von 2000 bis 2100"]);
    expect(errors("en")).toEqual(["Budget year: whole number from 2000 to 2100"]);
  });
});
