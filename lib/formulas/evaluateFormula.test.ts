import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellAddress } from "../cells/address.js";
import { plainSheet } from "../plan/plainSheet.js";
import type { PlannedCell, PlannedRow, PlannedValue, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";
import { COMPATIBLE_FUNCTIONS } from "./compatibleFunctions.js";
import { approxFloor, numberToText, roundDecimal } from "./excelNumbers.js";
import { planResults, type FormulaResult } from "./planResults.js";

type Cells = Readonly<Record<string, PlannedValue | { readonly formula: string }>>;

function sheet(name: string, cells: Cells): SheetPlan {
  const byRow = new Map<number, PlannedCell[]>();
  for (const [address, content] of Object.entries(cells)) {
    const { row, column } = parseCellAddress(address);
    const cell: PlannedCell =
      content !== null && typeof content === "object" && !(content instanceof Date) && "formula" in content
        ? { column, formula: content.formula, style: "computed" }
        : { column, value: content, style: "input" };
    byRow.set(
      row,
      [...(byRow.get(row) ?? []), cell].sort((a, b) => a.column - b.column),
    );
  }
  const rows: PlannedRow[] = [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, list]) => ({ row, cells: list }));
  return plainSheet(name, name, rows);
}

function book(sheets: Readonly<Record<string, Cells>>, language: "de" | "en" = "en"): WorkbookPlan {
  return {
    templateId: "t",
    templateVersion: "1",
    language,
    title: "t",
    sheets: Object.entries(sheets).map(([name, cells]) => sheet(name, cells)),
  };
}

/** The result of `formula` written in Z100 of sheet „S“ next to `cells`. */
function evaluate(
  formula: string,
  cells: Cells = {},
  other: Readonly<Record<string, Cells>> = {},
): FormulaResult | undefined {
  const plan = book({ S: { ...cells, Z100: { formula } }, ...other });
  return planResults(plan).resultAt(0, 100, 26);
}

describe("operators", () => {
  it.each([
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["2^3^2", 64],
    ["-2^2", 4],
    ["50%", 0.5],
    ["10-2-3", 5],
    ["7/2", 3.5],
    ['"a"&"b"&1.5', "ab1.5"],
    ['1&""', "1"],
    ["1=1", true],
    ['"ABC"="abc"', true],
    ['"a"<"B"', true],
    ['1<"a"', true],
    ['"a"<TRUE', true],
    ["2<>2", false],
    ["3>=3", true],
    ["0.1+0.2=0.3", true],
    ["0.1+0.2-0.3", 0],
    ["--TRUE", 1],
    ["TRUE+TRUE", 2],
  ])("%s = %j", (formula, expected) => {
    expect(evaluate(formula)).toEqual(expected);
  });

  it('treats an empty cell as 0, as "" and as equal to both', () => {
    expect(evaluate("A1+1")).toBe(1);
    expect(evaluate('A1&"x"')).toBe("x");
    expect(evaluate('A1=""')).toBe(true);
    expect(evaluate("A1=0")).toBe(true);
    expect(evaluate("A1")).toBe(0);
    expect(evaluate("A1", { A1: "" })).toBe("");
  });

  it("propagates errors, IFERROR and ISERROR catch them", () => {
    expect(evaluate("1/0")).toEqual({ error: "#DIV/0!" });
    expect(evaluate("A1/B1", { A1: 1 })).toEqual({ error: "#DIV/0!" });
    expect(evaluate('"x"+1')).toEqual({ error: "#VALUE!" });
    expect(evaluate('" 2 "*2')).toBe(4);
    expect(evaluate("1+1/0+#N/A")).toEqual({ error: "#DIV/0!" });
    expect(evaluate("IFERROR(1/0,7)")).toBe(7);
    expect(evaluate("ISERROR(MATCH(9,A1:A3,0))", { A1: 1 })).toBe(true);
    expect(evaluate("IFERROR(A1,9)", { A1: { formula: "1/0" } })).toBe(9);
    expect(evaluate("SUM(A1:A2)", { A1: { formula: "NA_LIKE()" } })).toBeUndefined();
  });

  it("reads other sheets, quoted names, whole columns and implicit intersection", () => {
    const other = { "Kosten & Co": { A1: 2, A2: 3, B7: 10 }, Daten: { C1: 5 } };
    expect(evaluate("'Kosten & Co'!A1*Daten!C1", {}, other)).toBe(10);
    expect(evaluate("SUM('Kosten & Co'!A:A)", {}, other)).toBe(5);
    expect(evaluate("SUM('Kosten & Co'!1:2)", {}, other)).toBe(5);
    expect(evaluate("Unbekannt!A1", {}, other)).toEqual({ error: "#REF!" });
    // Z100 meets column B in row 100; a single-row range meets it in column Z
    expect(evaluate("B1:B200*2", { B100: 4 })).toBe(8);
    expect(evaluate("B1:C1", { B1: 4 })).toEqual({ error: "#VALUE!" });
  });
});

describe("functions", () => {
  const table: Cells = {
    A1: 3,
    A2: 1,
    A3: 2,
    A4: "x",
    A5: true,
    A6: { formula: '""' },
    B1: "Apfel",
    B2: "Birne",
    B3: "Kirsche",
    B4: 10,
    B5: 20,
    B6: 30,
  };
  it.each([
    ["SUM(A1:A6)", 6],
    ["SUM(A1:A3,4,TRUE)", 11],
    ["COUNT(A1:A6)", 3],
    ["COUNTA(A1:A7)", 6],
    ["COUNTBLANK(A1:A7)", 2],
    ["AVERAGE(A1:A3)", 2],
    ["MAX(A1:A6)", 3],
    ["MIN(A1:A6)", 1],
    ["MAX(C1:C3)", 0],
    ["AND(A1>0,A2>0)", true],
    ["OR(A1>5,A2>5)", false],
    ["AND(A1:A3)", true],
    ["NOT(A5)", false],
    ['IF(A1>2,"hoch","tief")', "hoch"],
    ["IF(A1>5,1)", false],
    ["IF(A1>2,,1)", 0],
    ['CHOOSE(2,"a","b","c")', "b"],
    ["ABS(-2.5)", 2.5],
    ["INT(-2.5)", -3],
    ["INT(2.9999999999999996)", 3],
    ["MOD(-7,3)", 2],
    ["MOD(7,0)", { error: "#DIV/0!" }],
    ["ROUND(1248.09/2,2)", 624.05],
    ["ROUND(2.675,2)", 2.68],
    ["ROUND(-2.5,0)", -3],
    ["ROUND(1234.5,-2)", 1200],
    ["ROUNDDOWN(-2.79,1)", -2.7],
    ["ROUNDUP(2.01,0)", 3],
    ["ROUNDUP(5,-2)", 100],
    ["ISNUMBER(A1)", true],
    ["ISTEXT(A4)", true],
    ["ISBLANK(A7)", true],
    ["ISBLANK(A6)", false],
    ["LEN(B3)", 7],
    ["MID(B3,2,3)", "irs"],
    ["MID(B3,0,1)", { error: "#VALUE!" }],
    ['TRIM("  a   b  ")', "a b"],
    ["ROW()", 100],
    ["ROW(C7:D9)", 7],
    ['MATCH("birne",B1:B3,0)', 2],
    ['MATCH("K*",B1:B3,0)', 3],
    ["MATCH(25,B4:B6,1)", 2],
    ["MATCH(5,B4:B6,1)", { error: "#N/A" }],
    ["MATCH(25,B4:B6,0)", { error: "#N/A" }],
    ["INDEX(B1:B6,3)", "Kirsche"],
    ["INDEX(A1:B3,2,2)", "Birne"],
    ["INDEX(B1:B3,4)", { error: "#REF!" }],
    ["VLOOKUP(2,A2:B3,2,FALSE)", "Kirsche"],
    ["VLOOKUP(2.5,A2:B3,2)", "Kirsche"],
    ["VLOOKUP(9,A2:B3,3,FALSE)", { error: "#REF!" }],
    ["RANK(2,A1:A6)", 2],
    ["RANK(2,A1:A6,1)", 2],
    ["RANK(3,A1:A6,1)", 3],
    ["RANK(7,A1:A6)", { error: "#N/A" }],
    ['COUNTIF(A1:A6,">=2")', 2],
    ['COUNTIF(A1:A6,"<>")', 6],
    ['COUNTIF(A1:A7,"")', 2],
    ['COUNTIF(B1:B6,"*e")', 2],
    ['COUNTIF(B1:B6,"apfel")', 1],
    ['COUNTIF(B1:B6,"<>Apfel")', 5],
    ["COUNTIF(A1:A6,TRUE)", 1],
    ['COUNTIFS(A1:A3,">1",B4:B6,">15")', 1],
    ['SUMIF(A1:A3,">1",B4:B6)', 40],
    ['SUMIF(A1:A3,">1")', 5],
    ['SUMIFS(B4:B6,A1:A3,">=1",A1:A3,"<3")', 50],
    ["SUMPRODUCT(A1:A3,B4:B6)", 110],
    ["SUMPRODUCT((B4:B6>15)*1)", 2],
    ['SUMPRODUCT(--(MID(B1:B3,1,1)="B"))', 1],
    ["SUMPRODUCT(A1:A3-INT(A1:A3/2)*2)", 2],
    ["SUMPRODUCT(A1:A4)", 6],
    ["SUMPRODUCT(A1:A3,B4:B5)", { error: "#VALUE!" }],
    ["DATE(2024,2,29)", 45351],
    ["DATE(2024,14,1)", 45689],
    ["YEAR(45351)", 2024],
    ["MONTH(45351)", 2],
    ["DAY(45351)", 29],
    ['TEXT(1234.5,"#,##0.00")', "1,234.50"],
    ['TEXT(0.125,"0.0%")', "12.5%"],
    ['TEXT(45351,"DD.MM.YYYY")', "29.02.2024"],
    ['TEXT(7,"000")', "007"],
  ])("%s = %j", (formula, expected) => {
    expect(evaluate(formula, table)).toEqual(expected);
  });

  it("writes numbers in text with the workbook language's decimal separator", () => {
    const plan = book({ S: { A1: { formula: '"x"&45.5' }, A2: { formula: 'TEXT(1234.5,"#,##0.00")' } } }, "de");
    expect(planResults(plan).resultAt(0, 1, 1)).toBe("x45,5");
    expect(planResults(plan).resultAt(0, 2, 1)).toBe("1.234,50");
  });

  it("evaluates every function a template may use", () => {
    const calls: Readonly<Record<string, string>> = {
      CHOOSE: "CHOOSE(1,2)",
      COUNTIF: 'COUNTIF(A1:A2,"x")',
      COUNTIFS: 'COUNTIFS(A1:A2,"x")',
      DATE: "DATE(2020,1,1)",
      IF: "IF(1,2)",
      IFERROR: "IFERROR(1,2)",
      INDEX: "INDEX(A1:A2,1)",
      MATCH: "MATCH(1,A1:A2,0)",
      MID: 'MID("abc",1,1)',
      MOD: "MOD(3,2)",
      RANK: "RANK(1,A1:A2)",
      ROUND: "ROUND(1,0)",
      ROUNDDOWN: "ROUNDDOWN(1,0)",
      ROUNDUP: "ROUNDUP(1,0)",
      SUMIF: 'SUMIF(A1:A2,"x")',
      SUMIFS: 'SUMIFS(A1:A2,A1:A2,"x")',
      SUMPRODUCT: "SUMPRODUCT(A1:A2)",
      TEXT: 'TEXT(1,"0")',
      VLOOKUP: "VLOOKUP(1,A1:B2,2,FALSE)",
    };
    for (const name of COMPATIBLE_FUNCTIONS) {
      const formula = calls[name] ?? `${name}(A1)`;
      expect(evaluate(formula, { A1: 1, A2: 2, B1: 3 }), formula).not.toBeUndefined();
    }
  });

  it("CHAR gives the character of codes 1–127 (a line break for 10) and no result above", () => {
    expect(evaluate('"a"&CHAR(10)&"b"')).toBe("a\nb");
    expect(evaluate("CHAR(0)")).toEqual({ error: "#VALUE!" });
    expect(evaluate("CHAR(200)")).toBeUndefined();
  });

  it("leaves unknown functions and circular references without a result, and says why", () => {
    const plan = book({ S: { A1: { formula: "NOW()" }, A2: { formula: "A3+1" }, A3: { formula: "A2+1" } } });
    const results = planResults(plan);
    expect(results.resultAt(0, 1, 1)).toBeUndefined();
    expect(results.unknown(0, 1, 1)).toMatch(/NOW/);
    expect(results.resultAt(0, 2, 1)).toBeUndefined();
    expect(results.unknown(0, 2, 1)).toMatch(/circular/);
  });
});

describe("Excel's rounding", () => {
  it.each([
    [1248.09 / 2, 2, 624.05],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [0.285, 2, 0.29],
    // one bit below 1.5: 1.5 on the 15-digit value, as LibreOffice rounds (rtl::math, „corrected“)
    [1.4999999999999998, 0, 2],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [123456789.125, 2, 123456789.13],
    [1e-20, 2, 0],
    [5.5e20, -20, 6e20],
  ])("ROUND(%d, %d) = %d", (x, places, expected) => {
    expect(roundDecimal(x, places)).toBe(expected);
  });

  it("rounds any amount of cents half away from zero, on the decimal value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (tenthCents) => {
        // x = n / 1000 as the double closest to the decimal, e.g. 2.675
        const x = tenthCents / 1000;
        const sign = tenthCents < 0 ? -1 : 1;
        const abs = Math.abs(tenthCents);
        const expectedCents = Math.floor(abs / 10) + (abs % 10 >= 5 ? 1 : 0);
        expect(roundDecimal(x, 2)).toBe((sign * expectedCents) / 100 || 0);
      }),
    );
  });

  it("rounds any double as its 15-digit decimal value would round", () => {
    const reference = (x: number, places: number): number => {
      const v = Number(Math.abs(x).toPrecision(15));
      const rounded = Number(`${Math.round(Number(`${v}e${places}`))}e-${places}`);
      return x < 0 && rounded !== 0 ? -rounded : rounded;
    };
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        (abs, negative, places) => {
          const x = negative ? -abs : abs;
          expect(roundDecimal(x, places)).toBe(reference(x, places));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is idempotent and never moves a value by more than half a unit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -3, max: 6 }), (x, places) => {
        const once = roundDecimal(x, places);
        expect(roundDecimal(once, places)).toBe(once);
        expect(Math.abs(once - x)).toBeLessThanOrEqual(0.5 * 10 ** -places * (1 + 1e-9) + Math.abs(x) * 1e-14);
      }),
    );
  });

  it("INT floors, negatives included, on the 15-digit value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 999 }), (whole, thousandths) => {
        expect(approxFloor(whole + thousandths / 1000)).toBe(whole);
        expect(approxFloor(whole)).toBe(whole);
      }),
    );
  });

  it("sums of cents cancel like Excel's (0.1 + 0.2 - 0.3 = 0)", () => {
    expect(evaluate("0.1+0.2-0.3")).toBe(0);
    expect(evaluate("-0.3+0.1+0.2")).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (a, b) => {
        expect(evaluate(`${a / 100}+${b / 100}-${(a + b) / 100}`)).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("writes numbers in text like the General format", () => {
    expect(numberToText(45.5)).toBe("45.5");
    expect(numberToText(0.1 + 0.2)).toBe("0.3");
    expect(numberToText(1 / 3)).toBe("0.333333333333333");
    expect(numberToText(1e16)).toBe("1E+16");
    expect(numberToText(-1.5e-10)).toBe("-1.5E-10");
    expect(numberToText(123456789012)).toBe("123456789012");
  });
});

describe("long chains", () => {
  it("evaluates a chain of 20,000 rows that refer to the row below, or leaves it without a result", () => {
    const cells: Record<string, { formula: string } | number> = { A20001: 1 };
    for (let r = 1; r <= 20_000; r++) cells[`A${r}`] = { formula: `A${r + 1}+1` };
    const plan = book({ S: cells });
    const results = planResults(plan);
    const first = results.resultAt(0, 1, 1);
    expect(String(first ?? results.unknown(0, 1, 1))).toMatch(/too deep|^20001$/);
    // evaluated from the bottom up (as a writer going down does not), every row is known
    const fresh = planResults(plan);
    for (let r = 20_000; r >= 1; r--) fresh.resultAt(0, r, 1);
    expect(fresh.resultAt(0, 1, 1)).toBe(20_001);
  });
});

describe("row formula templates", () => {
  it("shares a tree only where the row's number stands in references to the row itself", () => {
    const cells: Record<string, number | { formula: string }> = {};
    for (let r = 5; r <= 7; r++) {
      cells[`A${r}`] = r * 10;
      cells[`B${r}`] = { formula: `SUM($A$${r}:$A$${r})*2` };
      cells[`C${r}`] = { formula: `A${r}*3` };
      cells[`D${r}`] = { formula: `INDEX($A$1:$A$9,${r})` };
    }
    const plain = sheet("S", cells);
    const withTemplates: SheetPlan = {
      ...plain,
      rowFormulaTemplates: new Map([
        [2, ["SUM($A$", ":$A$", ")*2"]],
        [3, ["A", "*3"]],
        [4, ["INDEX($A$1:$A$9,", ")"]],
      ]),
    };
    const results = planResults({ ...book({}), sheets: [withTemplates] });
    expect([5, 6, 7].map((r) => results.resultAt(0, r, 2))).toEqual([100, 120, 140]);
    expect([5, 6, 7].map((r) => results.resultAt(0, r, 3))).toEqual([150, 180, 210]);
    expect([5, 6, 7].map((r) => results.resultAt(0, r, 4))).toEqual([50, 60, 70]);
  });
});
