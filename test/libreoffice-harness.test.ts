import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  disposeLibreOfficeProfiles,
  isCellError,
  libreOfficeAvailable,
  libreOfficeSkipRequested,
  readRecalculatedValues,
  recalculateWithLibreOffice,
  renderToPng,
  requireLibreOffice,
  toLibreOfficePrecision,
  type RecalculatedValues,
} from "./support/libreoffice.js";

const SETTINGS = "Einstellungen Ä";
const S = `'${SETTINGS}'`;
const ULP_BASES = [66, 33, 1000 / 7, 0.5] as const;
const ULP_STEPS = [1, 2, 4, 8, 16, 32, 64, 128] as const;

/** The distance from x to the next larger double. */
function ulp(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
  return buf.getFloat64(0) - x;
}

/**
 * Model of LibreOffice's rtl::math::approxEqual as observed: equal when the
 * difference is below 2^-48 relative to both operands.
 */
function loApproxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const d = Math.abs(a - b);
  const e48 = 2 ** -48;
  return d < Math.abs(a) * e48 && d < Math.abs(b) * e48;
}

/** A workbook whose formulas carry no cached results (except one deliberately stale cell). */
async function writeHarnessWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet(SETTINGS);
  settings.getCell("A3").value = "Maximalpunkte";
  settings.getCell("B3").value = 100;
  settings.getCell("A4").value = "Bezeichnung";
  settings.getCell("B4").value = "Straße & Grün";

  // The weighted-score formula exactly as the library states it.
  const f = wb.addWorksheet("Formel");
  f.getCell("A1").value = 3;
  f.getCell("B1").value = 2;
  f.getCell("A2").value = 4;
  f.getCell("C1").value = { formula: "ROUND(100*(A1*(B1/3)+A2)/(A1+A2),9)" };
  f.getCell("A4").value = 0.1;
  f.getCell("B4").value = 0.7;
  f.getCell("A5").value = 0.3;
  f.getCell("C4").value = { formula: "ROUND(100*(A4*(B4/3)+A5)/(A4+A5),9)" };

  const b = wb.addWorksheet("Bewertung");
  const rows: readonly (string | number | null)[][] = [
    ["Gemeinde A", 80],
    ["Gemeinde B", null],
    ["Gemeinde C", 50],
    ["Gemeinde D", 80],
    ["Gemeinde E", 10],
  ];
  rows.forEach(([name, points], i) => {
    const r = i + 1;
    b.getCell(`A${r}`).value = name ?? null;
    b.getCell(`B${r}`).value = points ?? null;
    b.getCell(`C${r}`).value = { formula: `IF(B${r}="","",ROUND(B${r}/${S}!$B$3*100,9))` };
    b.getCell(`D${r}`).value = { formula: `IF(C${r}="","",RANK(C${r},C$1:C$5,0))` };
    b.getCell(`E${r}`).value = { formula: `IF(C${r}="","",IF(C${r}>=66,"A",IF(C${r}>=33,"B","C")))` };
  });
  b.getCell("G1").value = { formula: "MAX(C1:C5)" }; // range with "" texts
  b.getCell("G2").value = { formula: "MAX(B1:B5)" }; // range with a truly blank cell
  b.getCell("G3").value = { formula: "MAX(H1:H5)" }; // all blank
  b.getCell("G4").value = { formula: "A1+1" }; // text in arithmetic
  b.getCell("G5").value = { formula: "B1/B2" }; // division by a blank
  b.getCell("G6").value = { formula: "RANK(C2,C$1:C$5,0)" }; // rank of a "" text
  b.getCell("G7").value = { formula: `${S}!$B$4` };
  b.getCell("G8").value = { formula: `${S}!$B$3/2` };
  b.getCell("G9").value = { formula: "B1*2", result: 999 }; // stale cached result
  b.getCell("G10").value = { formula: 'C2&"|"&E2&"|"' }; // "" results concatenated
  b.getCell("G11").value = { formula: "COUNT(C1:C5)" };
  b.getCell("G12").value = { formula: "IF(G4>0,1,2)" }; // an error propagates
  b.getCell("G13").value = { formula: "SUM(D1:D5)" };
  b.getCell("G14").value = { formula: "B3>B1" }; // FALSE result
  b.getCell("G15").value = { formula: "1/7" }; // 15 significant digits
  // Computed near-ties: 0.1+0.2 is 1 ulp above 0.3.
  b.getCell("I1").value = { formula: "0.1+0.2" };
  b.getCell("I2").value = 0.3;
  b.getCell("I3").value = { formula: "RANK(I1,I$1:I$2,0)" };
  b.getCell("I4").value = { formula: "RANK(I2,I$1:I$2,0)" };
  b.getCell("I5").value = { formula: "I2>=I1" };
  b.getCell("I6").value = { formula: "I1=I2" };
  b.getCell("I7").value = { formula: 'IF(I1>I2,"gt","not gt")' };

  // Rounding-edge experiments: literal numbers k ulps below/above a base.
  const u = wb.addWorksheet("Ulp");
  u.getCell("A1").value = "base";
  let r = 2;
  for (const base of ULP_BASES) {
    for (const k of ULP_STEPS) {
      const below = base - k * ulp(base);
      const above = base + k * ulp(base);
      u.getCell(`A${r}`).value = base;
      u.getCell(`B${r}`).value = below;
      u.getCell(`C${r}`).value = above;
      u.getCell(`D${r}`).value = k;
      u.getCell(`E${r}`).value = { formula: `B${r}>=A${r}` };
      u.getCell(`F${r}`).value = { formula: `B${r}=A${r}` };
      u.getCell(`G${r}`).value = { formula: `RANK(B${r},A${r}:C${r},0)` };
      u.getCell(`H${r}`).value = { formula: `RANK(A${r},A${r}:C${r},0)` };
      u.getCell(`I${r}`).value = { formula: `RANK(C${r},A${r}:C${r},0)` };
      u.getCell(`J${r}`).value = { formula: `C${r}>A${r}` };
      u.getCell(`K${r}`).value = { formula: `B${r}-A${r}` };
      u.getCell(`L${r}`).value = { formula: `IF(B${r}>=A${r},"A","B")` };
      u.getCell(`M${r}`).value = { formula: `B${r}` }; // does the literal survive exactly?
      r++;
    }
  }
  await wb.xlsx.writeFile(file);
}

describe.skipIf(libreOfficeSkipRequested())("LibreOffice harness", () => {
  let dir: string;
  let input: string;
  let values: RecalculatedValues;

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(path.join(tmpdir(), "ikz-lo-test-"));
    input = path.join(dir, "harness.xlsx");
    await writeHarnessWorkbook(input);
    const [out] = await recalculateWithLibreOffice([input], { outDir: path.join(dir, "out") });
    if (out === undefined) throw new Error("no output");
    values = await readRecalculatedValues(out);
  }, 120_000);

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("finds soffice", () => {
    expect(libreOfficeAvailable()).toBe(true);
  });

  it("computes the weighted-score formula", () => {
    expect(values.valueAt("Formel", "C1")).toBe(85.714285714);
    expect(values.cellAt("Formel", "C1")?.formula).toBe("ROUND(100*(A1*(B1/3)+A2)/(A1+A2),9)");
    expect(values.valueAt("Formel", "C4")).toBe(Math.round(100 * ((0.1 * (0.7 / 3) + 0.3) / 0.4) * 1e9) / 1e9);
  });

  it('handles "" results, RANK ties, grades, cross-sheet references', () => {
    const col = (c: string) => [1, 2, 3, 4, 5].map((r) => values.valueAt("Bewertung", `${c}${r}`));
    expect(col("C")).toEqual([80, "", 50, 80, 10]);
    expect(col("D")).toEqual([1, "", 3, 1, 4]);
    expect(col("E")).toEqual(["A", "", "B", "A", "C"]);
    expect(values.valueAt("Bewertung", "G7")).toBe("Straße & Grün");
    expect(values.valueAt("Bewertung", "G8")).toBe(50);
    expect(values.valueAt("Bewertung", "G10")).toBe("||");
    expect(values.valueAt("Bewertung", "G11")).toBe(4);
    expect(values.valueAt("Bewertung", "G13")).toBe(9);
    expect(values.valueAt("Bewertung", "G14")).toBe(false);
    expect(values.valueAt("Bewertung", "G15")).toBe(0.142857142857143);
    expect(values.valueAt("Bewertung", "G15")).toBe(toLibreOfficePrecision(1 / 7));
  });

  it('MAX ignores "" texts and blanks', () => {
    expect(values.valueAt("Bewertung", "G1")).toBe(80);
    expect(values.valueAt("Bewertung", "G2")).toBe(80);
    expect(values.valueAt("Bewertung", "G3")).toBe(0);
  });

  it("returns error values", () => {
    expect(values.valueAt("Bewertung", "G4")).toEqual({ error: "#VALUE!" });
    expect(values.valueAt("Bewertung", "G5")).toEqual({ error: "#DIV/0!" });
    expect(values.valueAt("Bewertung", "G12")).toEqual({ error: "#VALUE!" });
    expect(isCellError(values.valueAt("Bewertung", "G6"))).toBe(true);
    expect(values.valueAt("Bewertung", "G6")).toEqual({ error: "#VALUE!" });
  });

  it("recalculates a formula that carries a stale cached result", async () => {
    const before = await readRecalculatedValues(input, "Bewertung", "G9");
    expect(before.valueAt("Bewertung", "G9")).toBe(999);
    expect(values.valueAt("Bewertung", "G9")).toBe(160);
  });

  it("reads a sheet and range subset", async () => {
    const sub = await readRecalculatedValues(values.file, SETTINGS, "B3:B4");
    expect(sub.sheets).toEqual([SETTINGS]);
    expect(sub.valueAt(SETTINGS, "B3")).toBe(100);
    expect(sub.valueAt(SETTINGS, "$B$4")).toBe("Straße & Grün");
    expect([...sub.cells(SETTINGS).keys()]).toEqual(["B3", "B4"]);
    expect(() => sub.valueAt(SETTINGS, "A3")).toThrow(/outside/);
    expect(() => sub.valueAt("Bewertung", "A1")).toThrow(/not read/);
  });

  it("compares numbers a few ulps apart like rtl::math::approxEqual, but RANK exactly", () => {
    const table: Record<string, unknown>[] = [];
    let r = 2;
    for (const base of ULP_BASES) {
      for (const k of ULP_STEPS) {
        const below = base - k * ulp(base);
        const above = base + k * ulp(base);
        const v = (c: string) => values.valueAt("Ulp", `${c}${r}`);
        const row = {
          base,
          k,
          "below>=base": v("E"),
          "below=base": v("F"),
          "IF(below>=base)": v("L"),
          "above>base": v("J"),
          "below-base": v("K"),
          "RANK below,base,above": `${String(v("G"))},${String(v("H"))},${String(v("I"))}`,
        };
        table.push(row);
        const eqBelow = loApproxEqual(below, base);
        expect(row["below>=base"], `row ${r}`).toBe(eqBelow);
        expect(row["below=base"], `row ${r}`).toBe(eqBelow);
        expect(row["IF(below>=base)"], `row ${r}`).toBe(eqBelow ? "A" : "B");
        expect(row["above>base"], `row ${r}`).toBe(!loApproxEqual(above, base));
        // Subtraction snaps to 0 when approxEqual (rtl::math::approxSub).
        expect(row["below-base"], `row ${r}`).toBe(eqBelow ? 0 : toLibreOfficePrecision(below - base));
        // RANK compares exactly: even 1 ulp is no tie.
        expect(row["RANK below,base,above"], `row ${r}`).toBe("3,2,1");
        // The xlsx export writes 15 significant digits.
        expect(v("M")).toBe(toLibreOfficePrecision(below));
        r++;
      }
    }
    if (process.env["IKZ_SHOW_ULP_TABLE"] === "1") console.table(table);
    // The two cases the design question is about, spelled out:
    expect(loApproxEqual(65.99999999999999, 66)).toBe(true); // so 65.99999999999999>=66 is TRUE in LibreOffice
    expect(values.valueAt("Ulp", "E2")).toBe(true); // base 66, 1 ulp below
    expect(values.valueAt("Ulp", "G2")).toBe(3); // ...yet RANK still ranks it below 66
  });

  it("ranks 0.1+0.2 above 0.3 although = calls them equal", () => {
    expect(0.1 + 0.2).toBe(0.3 + ulp(0.3));
    expect(values.valueAt("Bewertung", "I3")).toBe(1);
    expect(values.valueAt("Bewertung", "I4")).toBe(2);
    expect(values.valueAt("Bewertung", "I5")).toBe(true);
    expect(values.valueAt("Bewertung", "I6")).toBe(true);
    expect(values.valueAt("Bewertung", "I7")).toBe("not gt");
  });

  it("kills soffice on timeout, and the profile still works afterwards", async () => {
    await expect(
      recalculateWithLibreOffice([input], { outDir: path.join(dir, "out-timeout"), timeoutMs: 50 }),
    ).rejects.toThrow(/timed out after 50 ms/);
    const [again] = await recalculateWithLibreOffice([input], { outDir: path.join(dir, "out-again") });
    const v = await readRecalculatedValues(again ?? "", "Bewertung", "G9");
    expect(v.valueAt("Bewertung", "G9")).toBe(160);
  }, 120_000);

  it("fails clearly on a broken input", async () => {
    const bad = path.join(dir, "broken.xlsx");
    await writeFile(bad, "not a zip");
    const err = await recalculateWithLibreOffice([bad], { outDir: path.join(dir, "out-bad") }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toMatch(/did not write 1 output file/);
    expect(message).toContain(path.join(dir, "out-bad", "broken.xlsx"));
    expect(message).toMatch(/source file could not be loaded/); // soffice's own words, from stdout/stderr
  }, 120_000);

  it("renders a workbook to PNG", async () => {
    const pngs = await renderToPng(input, path.join(dir, "png"));
    expect(pngs.length).toBeGreaterThan(0);
    const head = (await readFile(pngs[0] ?? "")).subarray(0, 8);
    expect(head.toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
  }, 120_000);

  it("times 1 file and 20 files per call", async () => {
    const many: string[] = [];
    for (let i = 0; i < 20; i++) {
      const f = path.join(dir, `many-${String(i).padStart(2, "0")}.xlsx`);
      await writeHarnessWorkbook(f);
      many.push(f);
    }
    const time = async (files: string[], out: string, parallel?: number) => {
      const t0 = performance.now();
      const outs = await recalculateWithLibreOffice(files, {
        outDir: path.join(dir, out),
        ...(parallel !== undefined ? { parallel } : {}),
      });
      const ms = performance.now() - t0;
      expect(outs).toEqual(files.map((f) => path.join(dir, out, path.basename(f))));
      for (const o of outs) expect((await stat(o)).size).toBeGreaterThan(0);
      return ms;
    };
    const one = await time(many.slice(0, 1), "t1");
    const twentyParallel = await time(many, "t20p");
    const twentySerial = await time(many, "t20s", 1);
    console.log(
      `LibreOffice timings: 1 file ${one.toFixed(0)} ms; 20 files in 2 parallel batches ${twentyParallel.toFixed(0)} ms; ` +
        `20 files in one batch ${twentySerial.toFixed(0)} ms`,
    );
    const last = await readRecalculatedValues(path.join(dir, "t20p", "many-19.xlsx"), "Bewertung");
    expect(last.valueAt("Bewertung", "G9")).toBe(160);
  }, 300_000);
});
