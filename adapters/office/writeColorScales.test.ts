/**
 * Colour scales (heat maps) through the Office.js writer: the PESTEL matrix's four scales arrive
 * as `ColorScale` conditional formats with the planned stops, inside the same single write batch
 * (2 syncs in all), and are skipped — and reported — on hosts without conditional formats.
 */
import { describe, expect, it } from "vitest";
import type { PlannedColorScale } from "../../lib/plan/WorkbookPlan.js";
import { planPestel } from "../../templates/pestel/plan.js";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES, type ExcelFeatures } from "./features.js";
import { colorScaleCriteria, writePlanToExcel } from "./writePlanToExcel.js";

function freshExcel(): FakeExcel {
  const workbook = new FakeWorkbook("Bockau.xlsx");
  workbook.addSheet("Tabelle1");
  return new FakeExcel(workbook);
}

const HEAT_MAP = {
  minimum: { type: "Number", formula: "0", color: "#FFFFFF" },
  midpoint: { type: "Number", formula: "4", color: "#FFEB84" },
  maximum: { type: "Number", formula: "9", color: "#F8696B" },
};

describe("writePlanToExcel: colour scales", () => {
  it("adds the matrix's heat map as ColorScale formats with the planned stops, in the one write batch", async () => {
    for (const demo of [false, true]) {
      const fake = freshExcel();
      const plan = planPestel({ language: "de", town: "Bockau", demo }).plan;
      const result = await writePlanToExcel(fake.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
      const matrix = fake.workbook.sheet("Matrix")!;
      expect(matrix.conditionalFormats).toEqual(
        ["C7:C13", "F7:F13", "I7:I13", "L7:L13"].map((address) => ({
          address,
          type: "ColorScale",
          criteria: HEAT_MAP,
        })),
      );
      expect(result.skipped).toEqual([]);
      expect(result.syncs).toBe(2);
      expect(fake.syncs).toBe(2);
      // the long form's hot-spot highlight is still a cell-value format
      expect(fake.workbook.sheet("Themen")!.conditionalFormats.map((f) => f.type)).toEqual(["CellValue", "CellValue"]);
    }
  });

  it("leaves the heat map out on a host without conditional formats (ExcelApi < 1.6) and says so", async () => {
    const fake = freshExcel();
    const features: ExcelFeatures = { ...ALL_EXCEL_FEATURES, conditionalFormats: false };
    const result = await writePlanToExcel(fake.context, planPestel({ language: "en", demo: true }).plan, {
      replace: false,
      features,
    });
    expect(fake.workbook.sheet("Matrix")!.conditionalFormats).toEqual([]);
    expect(result.skipped).toContain("conditionalFormats");
    expect(fake.syncs).toBe(2);
  });

  it("translates two-stop scales and lowest/highest stops, without a formula where Excel wants none", () => {
    const scale: PlannedColorScale = {
      range: "B2:B9",
      min: { type: "lowest", color: "#ffffff" },
      max: { type: "percent", value: 90, color: "#F8696B" },
    };
    expect(colorScaleCriteria(scale)).toEqual({
      minimum: { type: "LowestValue", color: "#FFFFFF" },
      maximum: { type: "Percent", formula: "90", color: "#F8696B" },
    });
  });

  it("the fake refuses what Excel refuses: a colour on a cell-value format, a stop without its number", async () => {
    const fake = freshExcel();
    const sheet = fake.context.workbook.worksheets.getItem("Tabelle1");
    sheet.getRange("A1:A3").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType).colorScale.criteria = {
      minimum: { type: "LowestValue", color: "#FFFFFF" },
      maximum: { type: "HighestValue", color: "#F8696B" },
    };
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const again = freshExcel();
    again.context.workbook.worksheets
      .getItem("Tabelle1")
      .getRange("A1:A3")
      .conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType).colorScale.criteria = {
      minimum: { type: "Number", color: "#FFFFFF" },
      maximum: { type: "HighestValue", color: "#F8696B" },
    };
    await expect(again.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
