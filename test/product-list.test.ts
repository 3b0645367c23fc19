import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PRODUCT_CODE_HEADERS,
  PRODUCT_NAME_HEADERS,
  readProductList,
  renderProductListIssue,
  type ProductListIssue,
} from "../adapters/products/readProductList.js";
import type { Language } from "../lib/spec/TemplateSpec.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/products/", import.meta.url));

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(`${FIXTURES}${name}`));
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Windows-1252 bytes for text made of Latin-1 letters plus a few typographic characters. */
function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "„": 0x84, "“": 0x93, "–": 0x96, "—": 0x97 };
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = extra[ch] ?? ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not encodable: ${ch}`);
      return code;
    }),
  );
}

/** An issue's sentence as a user reads it. */
const sentence = (issue: ProductListIssue | undefined, language: Language): string | undefined =>
  issue && renderProductListIssue(issue, "liste.csv", language).message;

/** Issue codes with their lines, for compact assertions. */
const summary = (issues: readonly ProductListIssue[]) => issues.map((i) => [i.severity, i.code, i.line]);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readProductList — CSV", () => {
  it("reads UTF-8 with BOM, semicolons, German headers, a title line and a blank line", async () => {
    const result = await readProductList(await fixture("produkte-utf8-bom.csv"), "produkte-utf8-bom.csv");
    expect(result.issues).toEqual([]);
    expect(result.products).toEqual([
      { code: "1111", name: "Gemeindeorgane", line: 4 },
      { code: "1113", name: "Finanzverwaltung", line: 5 },
      { code: "2410", name: "Schülerbeförderung", line: 6 },
      { code: "5410", name: "Gemeindestraßen; Brücken", line: 8 },
    ]);
  });

  it("reads Windows-1252 with umlauts, ß, €, en dash and German quotes", async () => {
    const bytes = await fixture("produkte-windows1252.csv");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = await readProductList(bytes, "produkte-windows1252.csv");
    expect(result.issues).toEqual([]);
    expect(result.products.map((p) => p.name)).toEqual([
      "Schülerbeförderung",
      "Straßenreinigung – Gehwege",
      "Steuern (€)",
      "„Heimatpflege“ Bürgerhaus",
    ]);
    expect(result.products.map((p) => p.line)).toEqual([2, 3, 4, 5]);
  });

  it("reads UTF-8 without BOM", async () => {
    const result = await readProductList(utf8("Produktcode;Name\n2410;Schülerbeförderung\n"), "p.csv");
    expect(result.products).toEqual([{ code: "2410", name: "Schülerbeförderung", line: 2 }]);
  });

  it("reads comma separated files with English headers and quoted commas", async () => {
    const text = 'Product code,Product name,Budget\n1111,"Council, committees",100\n5430,State roads,200\n';
    const result = await readProductList(utf8(text), "products.csv");
    expect(result.issues).toEqual([]);
    expect(result.products).toEqual([
      { code: "1111", name: "Council, committees", line: 2 },
      { code: "5430", name: "State roads", line: 3 },
    ]);
  });

  it("reads tab separated files (Windows-1252, as exported by older budget software)", async () => {
    const text =
      "Nr.\tText\tAmt\r\n1222\tMelde- und Personenstandswesen\tBürgeramt\r\n2410\tSchülerbeförderung\tSchulamt\r\n";
    const result = await readProductList(cp1252(text), "export.txt");
    expect(result.issues).toEqual([]);
    expect(result.products).toEqual([
      { code: "1222", name: "Melde- und Personenstandswesen", line: 2 },
      { code: "2410", name: "Schülerbeförderung", line: 3 },
    ]);
  });

  it("reads UTF-16 with BOM (Excel's 'Unicode text')", async () => {
    const body = "Produkt\tBezeichnung\r\n2410\tSchülerbeförderung\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(body, "utf16le"))]);
    const result = await readProductList(bytes, "unicode.txt");
    expect(result.products).toEqual([{ code: "2410", name: "Schülerbeförderung", line: 2 }]);
  });

  it("finds the header below several title lines and keeps physical line numbers", async () => {
    const text = [
      "Gemeinde Schönheide",
      "Produktliste Haushalt 2025",
      "Stand: 01.01.2025",
      "",
      "Produkt-Nr.;Produktbezeichnung",
      "1111;Gemeindeorgane",
      "",
      "",
      "1260;Brandschutz",
    ].join("\n");
    const result = await readProductList(utf8(text), "liste.csv");
    expect(result.issues).toEqual([]);
    expect(result.products).toEqual([
      { code: "1111", name: "Gemeindeorgane", line: 6 },
      { code: "1260", name: "Brandschutz", line: 9 },
    ]);
  });

  it("counts lines of multi-line quoted names correctly", async () => {
    const text = 'Nr;Bezeichnung\n1111;"Gemeinde-\norgane"\n1113;Finanzverwaltung\n';
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([
      { code: "1111", name: "Gemeinde-\norgane", line: 2 },
      { code: "1113", name: "Finanzverwaltung", line: 4 },
    ]);
  });

  it("matches headers case-insensitively and ignoring punctuation, preferring the specific column", async () => {
    const text = "lfd. Nr.;PRODUKT-NR;produkt bezeichnung;Bezeichnung des Amts\n1;1111;Gemeindeorgane;Hauptamt\n";
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([{ code: "1111", name: "Gemeindeorgane", line: 2 }]);
  });

  it("takes 'Produkt' as the name column when another column holds the code", async () => {
    const result = await readProductList(utf8("Produktnummer;Produkt\n1111;Gemeindeorgane\n"), "x.csv");
    expect(result.products).toEqual([{ code: "1111", name: "Gemeindeorgane", line: 2 }]);
  });

  it("skips repeated header rows (page breaks in exports)", async () => {
    const text = "Nr;Name\n1111;Gemeindeorgane\nNr;Name\n1113;Finanzverwaltung\n";
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.issues).toEqual([]);
    expect(result.products.map((p) => p.code)).toEqual(["1111", "1113"]);
  });

  it("reports duplicates as warnings and keeps the first", async () => {
    const text = "Code;Name\n1111;Gemeindeorgane\n1113;Finanzverwaltung\n1111;Gemeinderat\n";
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([
      { code: "1111", name: "Gemeindeorgane", line: 2 },
      { code: "1113", name: "Finanzverwaltung", line: 3 },
    ]);
    expect(summary(result.issues)).toEqual([["warning", "productList.duplicate", 4]]);
    expect(result.issues[0]?.cell).toBe("A4");
    expect(sentence(result.issues[0], "de")).toContain("Zeile 2");
    expect(sentence(result.issues[0], "en")).toContain("line 2");
  });

  it("reports a missing name as an error with line and cell, and leaves the row out", async () => {
    const text = "Code;Name\n1111;Gemeindeorgane\n1113;   \n1114;Rechnungsprüfung\n";
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products.map((p) => p.code)).toEqual(["1111", "1114"]);
    expect(summary(result.issues)).toEqual([["error", "productList.nameMissing", 3]]);
    expect(result.issues[0]?.cell).toBe("B3");
    expect(sentence(result.issues[0], "de")).toContain("Zeile 3");
    expect(sentence(result.issues[0], "de")).toContain("1113");
  });

  it("reports bad codes with line and what was found", async () => {
    const text = [
      "Produktcode;Bezeichnung",
      "ABC;Irgendwas",
      "1;Zu kurz",
      "123456789;Zu lang",
      ";Ohne Code",
      "Summe;Alle Produkte",
      "1111;Gemeindeorgane",
    ].join("\n");
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([{ code: "1111", name: "Gemeindeorgane", line: 7 }]);
    expect(summary(result.issues)).toEqual([
      ["error", "productList.codeInvalid", 2],
      ["error", "productList.codeLength", 3],
      ["error", "productList.codeLength", 4],
      ["error", "productList.codeMissing", 5],
      ["error", "productList.codeInvalid", 6],
    ]);
    expect(result.issues.map((i) => i.received)).toEqual(["ABC", "1", "123456789", undefined, "Summe"]);
    expect(sentence(result.issues[0], "de")).toBe(
      "Zeile 2 (Spalte „Produktcode“): „ABC“ ist kein Produktcode; erwartet: 2 bis 8 Ziffern, z. B. 1111.",
    );
    expect(sentence(result.issues[0], "en")).toBe(
      "Line 2 (column “Produktcode”): “ABC” is not a product code; expected: 2 to 8 digits, e.g. 1111.",
    );
  });

  it("strips separators from codes only with a warning, and never guesses digits", async () => {
    const text =
      "Nr;Name\n111.01;Steuerung\n11.1.1;Organe\n1111-001;Gemeindeorgane OBM\n 5 4 1 0 ;Gemeindestraßen\n1.;Zu kurz\n";
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([
      { code: "11101", name: "Steuerung", line: 2 },
      { code: "1111", name: "Organe", line: 3 },
      { code: "1111001", name: "Gemeindeorgane OBM", line: 4 },
      { code: "5410", name: "Gemeindestraßen", line: 5 },
    ]);
    expect(summary(result.issues)).toEqual([
      ["warning", "productList.codeNormalised", 2],
      ["warning", "productList.codeNormalised", 3],
      ["warning", "productList.codeNormalised", 4],
      ["warning", "productList.codeNormalised", 5],
      ["error", "productList.codeLength", 6],
    ]);
    expect(result.issues[0]?.received).toBe("111.01");
    expect(sentence(result.issues[0], "de")).toContain("gelesen als 11101");
  });

  it("reports a file without a recognisable header as unusable, listing the accepted names", async () => {
    const text = "Konto;Betrag\n4011;100\n4012;200\n";
    const result = await readProductList(utf8(text), "konten.csv");
    expect(result.products).toEqual([]);
    expect(summary(result.issues)).toEqual([["error", "productList.headerNotFound", 1]]);
    const [notFound] = result.issues;
    for (const header of [...PRODUCT_CODE_HEADERS, ...PRODUCT_NAME_HEADERS]) {
      expect(sentence(notFound, "de")).toContain(header);
      expect(sentence(notFound, "en")).toContain(header);
    }
    expect(notFound?.received).toBe("Konto | Betrag");
  });

  it("does not look for the header beyond the first 10 rows", async () => {
    const text = `${"Titel\n".repeat(10)}Nr;Name\n1111;Gemeindeorgane\n`;
    const result = await readProductList(utf8(text), "x.csv");
    expect(result.products).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(["productList.headerNotFound"]);
  });

  it("reports an empty file, and a file of blank lines, as empty", async () => {
    for (const bytes of [new Uint8Array(0), utf8("\n\r\n  \n"), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const result = await readProductList(bytes, "leer.csv");
      expect(result.products).toEqual([]);
      expect(summary(result.issues)).toEqual([["error", "productList.fileEmpty", undefined]]);
    }
  });

  it("reports a header without products", async () => {
    const result = await readProductList(utf8("Nr;Name\n\n"), "x.csv");
    expect(summary(result.issues)).toEqual([["error", "productList.noProducts", undefined]]);
  });

  it("reports an unclosed quotation mark instead of throwing", async () => {
    const result = await readProductList(utf8('Nr;Name\n1111;"Gemeindeorgane\n1113;Finanzverwaltung\n'), "x.csv");
    expect(result.products).toEqual([]);
    expect(summary(result.issues)).toEqual([["error", "productList.csvMalformed", 2]]);
    expect(sentence(result.issues[0], "de")).toContain("Zeile 2");
  });

  it("reads a CSV that was saved with an .xlsx name, with a warning", async () => {
    const result = await readProductList(utf8("Nr;Name\n1111;Gemeindeorgane\n"), "produkte.xlsx");
    expect(result.products).toEqual([{ code: "1111", name: "Gemeindeorgane", line: 2 }]);
    expect(summary(result.issues)).toEqual([["warning", "productList.extensionMismatch", undefined]]);
  });

  it("rejects binary files, old .xls and password-protected workbooks", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await readProductList(ole, "alt.xls")).issues.map((i) => i.code)).toEqual([
      "productList.legacyOrEncrypted",
    ]);
    const pdfish = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]);
    expect((await readProductList(pdfish, "x.pdf")).issues.map((i) => i.code)).toEqual(["productList.binary"]);
  });
});

describe("readProductList — xlsx", () => {
  it("reads the first visible sheet with numeric codes, title rows, formulas and rich text", async () => {
    const bytes = await xlsx((wb) => {
      const hidden = wb.addWorksheet("Hilfswerte");
      hidden.state = "hidden";
      hidden.addRow(["Nr", "Name"]);
      hidden.addRow([9999, "Versteckt"]);
      const ws = wb.addWorksheet("Produkte");
      ws.addRow(["Produktliste Stützengrün"]);
      ws.addRow([]);
      ws.addRow(["Produktbereich", "Produkt-Nr.", "Bezeichnung", "Ansatz"]);
      ws.addRow([11, 1111, "Gemeindeorgane", 1000]);
      ws.addRow([11, 1113, { formula: 'CONCAT("Finanz","verwaltung")', result: "Finanzverwaltung" }, 500]);
      ws.addRow([24, "2410", { richText: [{ text: "Schüler" }, { text: "beförderung", font: { bold: true } }] }, 10]);
      ws.addRow([]);
      ws.addRow([54, { formula: "5400+10", result: 5410 }, "Gemeindestraßen", 10]);
    });
    const result = await readProductList(bytes, "produkte.xlsx");
    expect(result.issues).toEqual([]);
    expect(result.products).toEqual([
      { code: "1111", name: "Gemeindeorgane", line: 4 },
      { code: "1113", name: "Finanzverwaltung", line: 5 },
      { code: "2410", name: "Schülerbeförderung", line: 6 },
      { code: "5410", name: "Gemeindestraßen", line: 8 },
    ]);
  });

  it("reports problems with the cell address and sheet name", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Liste");
      ws.addRow(["Code", "Name"]);
      ws.addRow([111.1, "Dezimal"]);
      ws.addRow([new Date(Date.UTC(2025, 11, 11)), "Datum"]);
      ws.addRow([1111, "Gemeindeorgane"]);
      ws.addRow([1111, "Doppelt"]);
      ws.addRow([1113, null]);
      ws.addRow(["X1", "Ungültig"]);
    });
    const result = await readProductList(bytes, "liste.xlsx");
    expect(result.products).toEqual([{ code: "1111", name: "Gemeindeorgane", line: 4 }]);
    expect(result.issues.map((i) => [i.severity, i.code, i.line, i.cell, i.received])).toEqual([
      ["error", "productList.codeDecimal", 2, "A2", "111.1"],
      ["error", "productList.codeDate", 3, "A3", "2025-12-11"],
      ["warning", "productList.duplicate", 5, "A5", "1111"],
      ["error", "productList.nameMissing", 6, "B6", undefined],
      ["error", "productList.codeInvalid", 7, "A7", "X1"],
    ]);
    expect(sentence(result.issues[3], "de")).toBe(
      "Zeile 6 (Blatt „Liste“, Zelle B6): Die Bezeichnung zu Produkt 1113 fehlt; die Zeile wird nicht übernommen.",
    );
    expect(sentence(result.issues[3], "en")).toBe(
      "Row 6 (sheet “Liste”, cell B6): the name of product 1113 is missing; the row is not taken over.",
    );
  });

  it("reports a sheet without header, an empty sheet, hidden-only workbooks and corrupt files", async () => {
    const noHeader = await xlsx((wb) => {
      const ws = wb.addWorksheet("Daten");
      ws.addRow([1111, "Gemeindeorgane"]);
    });
    expect(summary((await readProductList(noHeader, "a.xlsx")).issues)).toEqual([
      ["error", "productList.headerNotFound", 1],
    ]);

    const empty = await xlsx((wb) => {
      wb.addWorksheet("Leer");
    });
    expect(summary((await readProductList(empty, "b.xlsx")).issues)).toEqual([
      ["error", "productList.fileEmpty", undefined],
    ]);

    const hiddenOnly = await xlsx((wb) => {
      const ws = wb.addWorksheet("Versteckt");
      ws.addRow(["Nr", "Name"]);
      ws.state = "hidden";
    });
    expect((await readProductList(hiddenOnly, "c.xlsx")).issues.map((i) => i.code)).toEqual([
      "productList.noVisibleSheet",
    ]);

    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const result = await readProductList(corrupt, "kaputt.xlsx");
    expect(result.products).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(["productList.unreadable"]);
  });
});

describe("readProductList — robustness", () => {
  it("throws only for programmer errors", async () => {
    await expect(readProductList("1111;x" as unknown as Uint8Array, "x.csv")).rejects.toThrow(TypeError);
    await expect(readProductList(new Uint8Array(0), undefined as unknown as string)).rejects.toThrow(TypeError);
  });

  it("never throws on arbitrary bytes, and returns only well-formed products", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("a.csv", "a.xlsx", "a.txt"),
        async (bytes, name) => {
          const result = await readProductList(bytes, name);
          for (const p of result.products) expect(p.code).toMatch(/^\d{2,8}$/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on CSV-like text, and every product row is accounted for", async () => {
    const cell = fc.oneof(
      fc.constantFrom("1111", "2410", "11.1", "", " ", '"', "Nr", "Name", "Schülerbeförderung", "=1+1", "x;y"),
      fc.string({ maxLength: 8 }),
    );
    const line = fc.array(cell, { maxLength: 4 }).map((cells) => cells.join(";"));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 15 }), async (lines) => {
        const text = ["Nr;Name", ...lines].join("\n");
        const result = await readProductList(utf8(text), "x.csv");
        const codes = result.products.map((p) => p.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const i of result.issues) {
          expect(sentence(i, "de")?.length).toBeGreaterThan(0);
          expect(sentence(i, "en")?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
