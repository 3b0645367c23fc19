/**
 * The `ikz` command line, run in-process on real files: templates, describe, validate (with the
 * bad input users produce), priorities, roadmap, exit codes, languages, no silent overwrite.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ikz } from "./support/runIkz.js";

let dir = "";
let demo = "";
const path = (name: string) => join(dir, name);

/** Copies the demo workbook with some cells changed (values as a user would type them). */
async function variant(
  name: string,
  edits: Record<string, Record<string, ExcelJS.CellValue>>,
  change?: (wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(demo);
  for (const [sheetName, cells] of Object.entries(edits)) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    for (const [address, value] of Object.entries(cells)) {
      const cell = sheet.getCell(address);
      cell.value = value;
      // Excel turns a typed "1.5" into a date and gives the cell a date format as well
      if (value instanceof Date) cell.numFmt = "dd.mm.yyyy";
    }
  }
  change?.(workbook);
  const file = path(name);
  await workbook.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-cli-"));
  demo = path("zschorlau.xlsx");
  const result = await ikz("template", "aufgabenkatalog", "--demo", "--town", "Zschorlau", "--out", demo);
  expect(result.code).toBe(0);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("ikz --help", () => {
  it.each(["template", "describe", "validate", "priorities", "roadmap", "analyse", "consolidate", "allocate", "demo"])(
    "explains %s in German and English",
    async (command) => {
      const de = await ikz(command, "--help");
      expect(de.code).toBe(0);
      expect(de.stdout).toContain("Optionen:");
      expect(de.stdout).toContain("Hilfe anzeigen");
      const en = await ikz(command, "--help", "--lang", "en");
      expect(en.code).toBe(0);
      expect(en.stdout).toContain("Options:");
      expect(en.stdout).toContain("show help");
    },
  );

  it("refuses an unknown language with exit code 2", async () => {
    const result = await ikz("validate", "x.xlsx", "--lang", "fr");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unbekannte Sprache „fr“");
  });
});

describe("ikz template", () => {
  it("writes a workbook and says so on stderr", async () => {
    const file = path("leer.xlsx");
    const result = await ikz("template", "aufgabenkatalog", "--town", "Bockau", "--out", file);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`geschrieben: ${file}`);
    expect((await stat(file)).size).toBeGreaterThan(5000);
  });

  it("never overwrites an existing file without --force", async () => {
    const file = path("vorhanden.xlsx");
    await writeFile(file, "meine Daten");
    const refused = await ikz("template", "aufgabenkatalog", "--out", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Mit --force wird sie überschrieben");
    expect(await readFile(file, "utf8")).toBe("meine Daten");
    const forced = await ikz("template", "aufgabenkatalog", "--out", file, "--force");
    expect(forced.code).toBe(0);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe("PK");
  });

  it("pre-fills the rows from the town's own product list", async () => {
    const csv = path("produkte.csv");
    await writeFile(csv, "Produktcode;Bezeichnung\n111101;Gemeinderat\n111102;Bürgermeister\n");
    const file = path("eigene.xlsx");
    const result = await ikz("template", "aufgabenkatalog", "--products", csv, "--out", file);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const tasks = workbook.getWorksheet("Aufgaben");
    expect(tasks?.getCell("A5").value).toBe("111101");
    expect(tasks?.getCell("B6").value).toBe("Bürgermeister");
  });

  it("pre-fills the usual products of a Gemeinde, or all with --selection alle; refuses it for other templates", async () => {
    const codes = async (file: string): Promise<string[]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const found: string[] = [];
      workbook.getWorksheet("Aufgaben")?.eachRow((row, number) => {
        const value = row.getCell(1).value;
        if (number >= 5 && typeof value === "string" && /^\d+$/.test(value)) found.push(value);
      });
      return found;
    };
    const usual = path("gemeinde.xlsx");
    const all = path("alle.xlsx");
    expect((await ikz("template", "aufgabenkatalog", "--out", usual)).code).toBe(0);
    expect((await ikz("template", "aufgabenkatalog", "--selection", "alle", "--out", all)).code).toBe(0);
    const usualCodes = await codes(usual);
    const allCodes = await codes(all);
    expect(usualCodes).toContain("1222");
    expect(usualCodes).not.toContain("3111");
    expect(allCodes).toContain("3111");
    expect(allCodes.length).toBeGreaterThan(usualCodes.length);
    const refused = await ikz("template", "pestel", "--selection", "alle", "--out", path("p.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--selection gilt nicht für die Vorlage „pestel“");
  });

  it("rejects an unknown template with exit code 2", async () => {
    const result = await ikz("template", "gibtsnicht", "--out", path("x.xlsx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unbekannte Vorlage „gibtsnicht“");
  });
});

describe("ikz describe", () => {
  it("prints the layout as JSON", async () => {
    const result = await ikz("describe", "aufgabenkatalog", "--json");
    expect(result.code).toBe(0);
    const layout = JSON.parse(result.stdout) as {
      id: string;
      sheets: {
        name: string;
        headerRow: number;
        firstDataRow: number;
        columns: { key: string; column: string; kind: string }[];
      }[];
    };
    expect(layout.id).toBe("aufgabenkatalog");
    const tasks = layout.sheets.find((s) => s.name === "Aufgaben");
    expect(tasks).toMatchObject({ headerRow: 4, firstDataRow: 5 });
    expect(tasks?.columns.find((c) => c.key === "score")).toMatchObject({ column: "O", kind: "computed" });
    expect(tasks?.columns.find((c) => c.key === "fte")).toMatchObject({ column: "E", kind: "input", type: "decimal" });
  });
});

describe("ikz validate", () => {
  it("accepts the demo workbook (exit 0)", async () => {
    const result = await ikz("validate", demo);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("gültig");
  });

  const badCells: [string, Record<string, ExcelJS.CellValue>, string, string, string][] = [
    ["text in a number", { E5: "viel" }, "E5", "cell.notANumber", "„viel“ (Text)"],
    ["German decimal comma", { E6: "0,75" }, "E6", "cell.numberAsText", "„0,75“ (Text)"],
    ["30 %", { I7: "30 %" }, "I7", "cell.percentAsText", "„30 %“ (Text)"],
    ["rating out of range", { J8: 5 }, "J8", "cell.outOfRange", "5 (Zahl)"],
    [
      "a date where a number belongs",
      { F9: new Date(Date.UTC(2026, 4, 1)) },
      "F9",
      "cell.notANumber",
      "01.05.2026 (Datum)",
    ],
    ["an error value", { G10: { error: "#DIV/0!" } }, "G10", "cell.errorValue", "#DIV/0! (Fehlerwert)"],
  ];
  it.each(badCells)(
    "names file, sheet, cell, expected and found for %s (exit 1)",
    async (label, cells, cell, code, received) => {
      const file = await variant(`bad-${cell}.xlsx`, { Aufgaben: cells });
      const result = await ikz("validate", file, "--json");
      expect(result.code, label).toBe(1);
      const [report] = JSON.parse(result.stdout) as {
        issues: { code: string; file: string; sheet: string; cell: string; received: string; expected: string }[];
      }[];
      const issue = report?.issues.find((i) => i.cell === cell);
      expect(issue).toMatchObject({ code, file, sheet: "Aufgaben", cell, received });
      expect(issue?.expected).toBeTruthy();
    },
  );

  it("prints German messages with file, sheet and cell on stderr, and English ones with --lang en", async () => {
    const file = await variant("komma.xlsx", { Aufgaben: { E6: "0,75" } });
    const de = await ikz("validate", file);
    expect(de.stderr).toContain(`${file} › Aufgaben!E6 — Fehler: In „VZÄ“ steht eine Zahl als Text`);
    expect(de.stderr).toContain("gefunden: „0,75“ (Text)");
    const en = await ikz("validate", file, "--lang", "en");
    expect(en.stderr).toContain(`${file} › Aufgaben!E6 — Error: “FTE” holds a number stored as text`);
    expect(en.stderr).toContain("found: “0,75” (text)");
  });

  it("reports duplicate and unknown codes at their cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    const first = String(workbook.getWorksheet("Aufgaben")?.getCell("A5").value);
    const file = await variant("codes.xlsx", { Aufgaben: { A6: first, A7: "987654" } });
    const result = await ikz("validate", file, "--json");
    const [report] = JSON.parse(result.stdout) as { issues: { code: string; cell: string; severity: string }[] }[];
    expect(report?.issues.find((i) => i.cell === "A6")).toMatchObject({
      code: "task.duplicateCode",
      severity: "error",
    });
    expect(report?.issues.find((i) => i.cell === "A7")).toMatchObject({
      code: "task.unknownCode",
      severity: "warning",
    });
    expect(result.code).toBe(1);
  });

  it("reports a renamed header at its cell, and still reads reordered columns", async () => {
    const renamed = await variant("umbenannt.xlsx", { Aufgaben: { F4: "Anzahl" } });
    const result = await ikz("validate", renamed, "--json");
    const [report] = JSON.parse(result.stdout) as {
      issues: { code: string; cell: string; expected: string; received: string }[];
    }[];
    expect(report?.issues.find((i) => i.code === "header.missing")).toMatchObject({
      cell: "F4",
      expected: "Fallzahl pro Jahr",
      received: "Anzahl",
    });
    expect(result.code).toBe(1);
  });

  it("reports a missing sheet", async () => {
    const file = await variant("ohne-kriterien.xlsx", {}, (wb) => {
      const sheet = wb.getWorksheet("Kriterien");
      if (sheet) wb.removeWorksheet(sheet.id);
    });
    const result = await ikz("validate", file, "--json");
    const [report] = JSON.parse(result.stdout) as { issues: { code: string; expected: string }[] }[];
    expect(report?.issues[0]).toMatchObject({ code: "sheet.missing", expected: "Kriterien" });
  });

  it("warns but passes on blank rows in the middle (exit 0)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    const sheet = workbook.getWorksheet("Aufgaben");
    for (let column = 1; column <= 14; column++) sheet!.getRow(8).getCell(column).value = null;
    const file = path("leerzeile.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await ikz("validate", file);
    expect(result.code).toBe(0);
  });

  it("identifies a workbook of another template as wrong (exit 2)", async () => {
    const file = await variant("andere-vorlage.xlsx", { _ikz_aufgabenkatalog: { B1: "haushaltsplan" } });
    const priorities = await ikz("priorities", file);
    expect(priorities.code).toBe(2);
    expect(priorities.stderr).toContain(
      "Falsche Vorlage: erwartet „aufgabenkatalog“, die Arbeitsmappe ist „haushaltsplan“",
    );
    const validate = await ikz("validate", file);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain("Unbekannte Vorlage „haushaltsplan“");
  });

  it("refuses a workbook that no ikz-kit template made (exit 2)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Tabelle1").getCell("A1").value = "Haushalt 2026";
    const file = path("fremd.xlsx");
    await workbook.xlsx.writeFile(file);
    const result = await ikz("validate", file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nicht mit ikz-kit erstellt");
  });

  it.each([
    ["leer.xlsx", Buffer.alloc(0), "Die Datei ist leer"],
    ["tabelle.csv.xlsx", Buffer.from("Produktcode;Bezeichnung\n111;Test\n"), "Text- oder CSV-Datei"],
    ["bericht.pdf.xlsx", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "PDF"],
    [
      "kaputt.xlsx",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      "keine lesbare Excel-Arbeitsmappe",
    ],
  ])("refuses %s as unusable (exit 2) and says why", async (name, bytes, text) => {
    const file = path(name);
    await writeFile(file, bytes);
    const result = await ikz("validate", file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain(text);
  });

  it("says when the file does not exist (exit 2)", async () => {
    const result = await ikz("validate", path("fehlt.xlsx"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nicht gefunden");
  });

  it("takes several files and returns the worst exit code", async () => {
    const empty = path("leer2.xlsx");
    await writeFile(empty, "");
    const result = await ikz("validate", demo, empty, "--json");
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(2);
  });
});

describe("ikz priorities and roadmap", () => {
  it("prints scores with the cell that holds each", async () => {
    const result = await ikz("priorities", demo, "--json");
    expect(result.code).toBe(0);
    const priorities = JSON.parse(result.stdout) as {
      town: string;
      tasks: { code: string; score: number; rank: number; class: string; cell: string }[];
    };
    expect(priorities.town).toBe("Zschorlau");
    expect(priorities.tasks[0]?.cell).toBe("Aufgaben!O5");
    for (const task of priorities.tasks) {
      expect(task.score).toBeGreaterThanOrEqual(0);
      expect(task.score).toBeLessThanOrEqual(100);
      expect(["A", "B", "C"]).toContain(task.class);
    }
  });

  it("refuses to compute a workbook with errors (exit 1)", async () => {
    const file = await variant("fehler.xlsx", { Aufgaben: { E5: "x" } });
    const result = await ikz("priorities", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Wegen der Fehler oben wird nichts berechnet");
  });

  it("builds the roadmap of three towns as JSON and as a workbook", async () => {
    const files = [demo];
    for (const town of ["Bockau", "Schönheide"]) {
      const file = path(`${town}.xlsx`);
      expect((await ikz("template", "aufgabenkatalog", "--demo", "--town", town, "--out", file)).code).toBe(0);
      files.push(file);
    }
    const out = path("fahrplan.xlsx");
    const result = await ikz("roadmap", ...files, "--json", "--out", out);
    expect(result.code).toBe(0);
    const roadmap = JSON.parse(result.stdout) as {
      towns: string[];
      entries: {
        code: string;
        townCount: number;
        participants: { town: string }[];
        synergies: { strongTown: string; needingTown: string; specialisation: number; needForAction: number }[];
        lead: { town: string; decidedBy: string };
        partners: string[];
        measure: { id: string; title?: { de: string; en: string }; form: string };
      }[];
    };
    expect(roadmap.towns).toEqual(["Zschorlau", "Bockau", "Schönheide"]);
    expect(roadmap.entries.length).toBeGreaterThan(10);
    expect(roadmap.entries.every((e) => e.townCount >= 2)).toBe(true);
    expect(roadmap.entries.some((e) => e.synergies.length > 0)).toBe(true);
    for (const entry of roadmap.entries) {
      expect([entry.lead.town, ...entry.partners].sort()).toEqual(entry.participants.map((p) => p.town).sort());
      expect(entry.measure.title?.de).toBeTruthy();
      for (const s of entry.synergies) expect(s.specialisation).toBe(3);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("Fahrplan")?.getCell("B5").value).toBe(roadmap.entries[0]?.code);
    // the first sheet is the decision paper: title, towns, the first entry with its lead, fields left empty
    const paper = workbook.worksheets[0]!;
    expect(paper.name).toBe("Entscheidungsvorlage");
    expect(paper.getCell("A2").value).toBe("Partnerkommunen: Zschorlau, Bockau, Schönheide");
    expect(String(paper.getCell("C6").value).split("\n")[0]).toBe(roadmap.entries[0]?.lead.town);
    expect(paper.getCell("G6").value).toBeNull();
    expect(paper.getCell("G6").protection?.locked).toBe(false);
    expect(paper.pageSetup.orientation).toBe("landscape");

    // the text output names the lead and the synergies in words, without arrows
    const text = await ikz("roadmap", ...files);
    expect(text.stdout).toContain(`Federführung: ${roadmap.entries[0]?.lead.town}`);
    expect(text.stdout).toMatch(/kann .+ unterstützen: Spezialisierung 3, Handlungsbedarf [23]/);
    expect(text.stdout).not.toContain("→");
  });

  it("refuses a town listed twice", async () => {
    const result = await ikz("roadmap", demo, demo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("mehrfach vertreten");
  });
});

describe("ikz demo", () => {
  it("writes the templates, the demo towns and the roadmap, and refuses to overwrite them without --force", async () => {
    const out = path("demo");
    const first = await ikz("demo", "--out-dir", out);
    expect(first.code).toBe(0);
    for (const name of [
      "aufgabenkatalog-vorlage.xlsx",
      "aufgabenkatalog-zschorlau.xlsx",
      "aufgabenkatalog-bockau.xlsx",
      "fahrplan.xlsx",
      "fahrplan.json",
      "kostenverteilung-vorlage.xlsx",
      "kostenverteilung-beispiel.xlsx",
      "pestel-bockau.xlsx",
      "pestel-auswertung.xlsx",
      "it-servicekatalog-zschorlau.xlsx",
      "it-servicekatalog-auswertung.xlsx",
      "arbeitsplatzprofil-schoenheide.xlsx",
      "arbeitsplatzprofil-auswertung.xlsx",
      "verbundmappe.xlsx",
    ]) {
      expect(first.stderr).toContain(`geschrieben: ${join(out, name)}`);
    }
    const roadmap = JSON.parse(await readFile(join(out, "fahrplan.json"), "utf8")) as { towns: string[] };
    expect(roadmap.towns).toEqual(["Zschorlau", "Schönheide", "Stützengrün", "Bockau"]);
    expect(first.stdout).toContain("Verwaltungskostenpauschale");
    expect(first.stdout).toContain("Abschläge je Quartal");
    expect(first.stdout).toMatch(/Schönheide\s+−102,08 €/);
    const before = await stat(join(out, "fahrplan.json"));
    const second = await ikz("demo", "--out-dir", out);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("Mit --force wird sie überschrieben");
    expect((await stat(join(out, "fahrplan.json"))).mtimeMs).toBe(before.mtimeMs);
    expect((await ikz("demo", "--out-dir", out, "--force")).code).toBe(0);
  });
});

describe("ikz analyse", () => {
  it("analyses a task catalogue, points the cost model to ikz allocate, and refuses mixed templates (exit 2)", async () => {
    const costModel = path("analyse-kv.xlsx");
    expect((await ikz("template", "kostenverteilung", "--demo", "--out", costModel)).code).toBe(0);
    const catalogue = await ikz("analyse", demo, "--json");
    expect(catalogue.code).toBe(0);
    expect(JSON.parse(catalogue.stdout)).toMatchObject({ towns: [{ town: "Zschorlau" }], roadmap: { entries: [] } });
    const english = await ikz("analyse", costModel, "--lang", "en");
    expect(english.code).toBe(2);
    expect(english.stderr).toContain("has its own command: ikz allocate FILE");
    const mixed = await ikz("analyse", demo, costModel);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("verschiedenen Vorlagen (aufgabenkatalog, kostenverteilung)");
  });
});

describe("ikz with the cost model (kostenverteilung)", () => {
  it("writes, describes and validates the template; names the cell of each cost-model problem", async () => {
    const blank = path("kv-leer.xlsx");
    expect((await ikz("template", "kostenverteilung", "--out", blank)).code).toBe(0);
    expect((await ikz("validate", blank)).code).toBe(0);
    const described = JSON.parse((await ikz("describe", "kostenverteilung", "--json")).stdout) as {
      id: string;
      sheets: { name: string }[];
    };
    expect(described.id).toBe("kostenverteilung");
    expect(described.sheets.map((s) => s.name)).toContain("Verteilung");

    const demoModel = path("kv-demo.xlsx");
    expect((await ikz("template", "kostenverteilung", "--demo", "--out", demoModel)).code).toBe(0);
    expect((await ikz("validate", demoModel)).code).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demoModel);
    const first = String(workbook.getWorksheet("Kommunen")!.getCell("B5").value);
    workbook.getWorksheet("Kommunen")!.getCell("B6").value = first;
    workbook.getWorksheet("Kostenpositionen")!.getCell("C5").value = 100.005;
    const bad = path("kv-fehler.xlsx");
    await workbook.xlsx.writeFile(bad);
    const result = await ikz("validate", bad, "--json");
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as {
      issues: { severity: string; sheet: string; cell: string; message: string }[];
    }[];
    const errors = report!.issues.filter((i) => i.severity === "error");
    expect(errors.some((i) => i.sheet === "Kommunen" && i.cell === "B6")).toBe(true);
    expect(errors.some((i) => i.sheet === "Kostenpositionen" && i.cell === "C5")).toBe(true);
    for (const issue of errors) expect(issue.message.length).toBeGreaterThan(10);
  });
});
