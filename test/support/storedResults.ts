/**
 * Stored results in written files, read straight from the sheet XML (as a reader that does not
 * calculate sees them), and their comparison with a LibreOffice-recalculated copy
 * (docs/decisions/0013).
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { decodeOoxmlText } from "../../adapters/exceljs/cellValues.js";
import { unzipParts } from "./hostileCorpus.js";

/** A formula cell's stored result as the sheet XML has it; `undefined`: none stored. */
export type Stored = number | string | boolean | { readonly error: string } | undefined;

export interface FormulaCell {
  readonly formula: string;
  readonly result: Stored;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (text: string): string =>
  decodeOoxmlText(
    text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
      e.startsWith("#x")
        ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
        : e.startsWith("#")
          ? String.fromCodePoint(Number(e.slice(1)))
          : (XML_ENTITIES[e] ?? ""),
    ),
  );

/**
 * Every formula cell of every sheet with its stored result, read straight from the sheet XML (as
 * a non-calculating reader sees it; faster than exceljs for 40 files), by sheet name and address.
 */
export function storedFormulaResults(file: string): Map<string, FormulaCell> {
  const parts = unzipParts(readFileSync(file));
  const text = (name: string): string =>
    Buffer.from(parts.find((p) => p.name === name)?.data ?? new Uint8Array()).toString("utf8");
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
      (/Target="([^"]+)"/.exec(m[0])?.[1] ?? "").replace(/^\/?(xl\/)?/, "xl/"),
    ]),
  );
  const cells = new Map<string, FormulaCell>();
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(sheet[0])?.[1] ?? "");
    const target = targets.get(/r:id="([^"]+)"/.exec(sheet[0])?.[1] ?? "") ?? "";
    const xml = text(target);
    for (const cell of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
      const body = cell[3] ?? "";
      const formula = /<f\b[^>]*>(.*?)<\/f>|<f\b[^>]*\/>/.exec(body);
      if (!formula) continue;
      const type = /\bt="([^"]+)"/.exec(cell[2] ?? "")?.[1];
      const v = /<v>(.*?)<\/v>|<v\/>/.exec(body);
      let result: Stored;
      if (v) {
        const raw = unescapeXml(v[1] ?? "");
        if (type === "str") result = raw;
        else if (type === "b") result = raw === "1";
        else if (type === "e") result = { error: raw };
        else result = Number(raw);
      } else if (type === "str") result = ""; // LibreOffice writes an empty text result as <v></v> or no <v>
      cells.set(`${name}!${cell[1] ?? ""}`, { formula: unescapeXml(formula[1] ?? ""), result });
    }
  }
  return cells;
}

/** Equal as stored results: numbers to 1e-9 relative, the rest exactly. */
export function sameResult(ours: Stored, theirs: Stored): boolean {
  if (typeof ours === "number" && typeof theirs === "number")
    return ours === theirs || Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(theirs));
  if (typeof ours === "object" && typeof theirs === "object") return ours.error === theirs.error;
  return ours === theirs;
}

export interface StoredResultDifferences {
  /** Formula cells compared. */
  readonly compared: number;
  /** Formula cells of `written` without a stored result. */
  readonly missing: readonly string[];
  /** `Sheet!A1: stored …, LibreOffice … — formula`. */
  readonly differences: readonly string[];
}

/**
 * Compares every formula cell's stored result in `written` with the result in `recalculated`.
 * `germanNumbersInText`: the file is German but LibreOffice ran in English, so a number inside a
 * text result may show `,` where LibreOffice shows `.` (`"45,5 €"` vs `"45.5 €"`).
 */
export function storedResultDifferences(
  written: string,
  recalculated: string,
  options: { readonly germanNumbersInText?: boolean } = {},
): StoredResultDifferences {
  const ours = storedFormulaResults(written);
  const theirs = storedFormulaResults(recalculated);
  const missing: string[] = [];
  const differences: string[] = [];
  for (const [at, cell] of ours) {
    if (cell.result === undefined) missing.push(at);
    const expected = theirs.get(at)?.result;
    const same =
      sameResult(cell.result, expected) ||
      (options.germanNumbersInText === true &&
        typeof cell.result === "string" &&
        cell.result.replace(/(\d),(\d)/g, "$1.$2") === expected);
    if (!same)
      differences.push(
        `${at}: stored ${JSON.stringify(cell.result)}, LibreOffice ${JSON.stringify(expected)} — ${cell.formula.slice(0, 160)}`,
      );
  }
  return { compared: ours.size, missing, differences };
}

/**
 * {@link storedResultDifferences} of one written file as problem lines, each starting with `id`:
 * `"<id> Sheet!A1: no stored result"`, `"<id> Sheet!A1: stored …, LibreOffice … — formula"`.
 */
export function storedResultProblems(
  id: string,
  written: string,
  recalculated: string,
  options: { readonly germanNumbersInText?: boolean } = {},
): string[] {
  const found = storedResultDifferences(written, recalculated, options);
  return [...found.missing.map((m) => `${id} ${m}: no stored result`), ...found.differences.map((d) => `${id} ${d}`)];
}

/** One written workbook and LibreOffice's recalculated copy of it. */
export interface RecalculatedCase {
  readonly id: string;
  /** The file our writer wrote. */
  readonly written: string;
  /** The same file after LibreOffice recalculated and saved it. */
  readonly recalculated: string;
  /** German workbooks: LibreOffice here writes 45.5 where a German Excel writes 45,5 in text. */
  readonly germanNumbersInText: boolean;
}

/**
 * Asserts that every written file stores LibreOffice's result in every formula cell
 * (docs/decisions/0013), and that there was at least one file to look at.
 */
export function expectStoredResults(cases: readonly RecalculatedCase[]): void {
  const problems = cases.flatMap((c) =>
    storedResultProblems(c.id, c.written, c.recalculated, { germanNumbersInText: c.germanNumbersInText }),
  );
  expect(cases.length).toBeGreaterThan(0);
  expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
}
