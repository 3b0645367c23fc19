/**
 * Print settings of a plan through the Office.js writer on the recording fake: orientation, one
 * page wide, title rows, print area, header and footer, hidden working sheets; skipped and
 * reported on a host without ExcelApi 1.9. The .xlsx twin: test/print-settings.test.ts.
 */
import { describe, expect, it } from "vitest";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import { writePlanToExcel } from "./writePlanToExcel.js";
import { PRINT_PLAN as PLAN } from "../../lib/testing/printPlan.js";

describe("print settings through Office.js (fake Excel)", () => {
  function freshExcel(): FakeExcel {
    const workbook = new FakeWorkbook("Druck.xlsx");
    workbook.addSheet("Tabelle1");
    return new FakeExcel(workbook);
  }

  it("sets orientation, one page wide, title rows, print area, header and footer; hides the working sheet", async () => {
    const fake = freshExcel();
    const result = await writePlanToExcel(fake.context, PLAN, { replace: false, features: ALL_EXCEL_FEATURES });
    expect(result.skipped).toEqual([]);
    expect(fake.workbook.sheet("Anlage's")!.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      printArea: "A1:B2",
      headersFooters: {
        leftHeader: "Anlage zur Zweckvereinbarung",
        rightHeader: "Bau && Hof",
        leftFooter: "gedruckt am &D",
        rightFooter: "Seite &P von &N",
      },
    });
    expect(fake.workbook.sheet("Eingaben")!.pageLayout).toEqual({});
    expect(fake.workbook.sheet("Rechenweg")!.visibility).toBe("Hidden");
  });

  it("leaves print settings out on a host without ExcelApi 1.9 and says so", async () => {
    const fake = freshExcel();
    const result = await writePlanToExcel(fake.context, PLAN, {
      replace: false,
      features: { ...ALL_EXCEL_FEATURES, pageLayout: false },
    });
    expect(result.skipped).toEqual(["pageLayout"]);
    expect(fake.workbook.sheet("Anlage's")!.pageLayout).toEqual({});
    expect(fake.workbook.sheet("Rechenweg")!.visibility).toBe("Hidden");
  });
});
