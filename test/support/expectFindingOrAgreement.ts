/**
 * The rule of issue 10 for a workbook a user edited: the tool EITHER refuses with a finding that
 * names the right sheet and cell (exit 1/2, and the computing command computes nothing), OR it
 * computes, and every value it prints for a cell equals the value the sheet (LibreOffice) shows
 * in that cell — shares, totals, advances, true-up; scores, ranks, classes.
 *
 * ```ts
 * await expectFindingOrAgreement({
 *   file: edited,                      // saved by LibreOffice, so it carries the sheet's results
 *   command: "allocate",
 *   findingAt: ["Ergebnis!F6"],        // cells, ranges, whole rows ("Kommunen!6:6") or columns ("Kommunen!I:I")
 * });
 * ```
 */
import { readSnapshotFromXlsx } from "../../adapters/exceljs/readSnapshotFromXlsx.js";
import { cellAddress, columnLetter, parseCellAddress } from "../../lib/cells/address.js";
import {
  isCellError,
  snapshotCell,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../lib/snapshot/WorkbookSnapshot.js";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { RESULT_HEADER_ROW } from "../../templates/kostenverteilung/formulas/result.js";
import { toLibreOfficePrecision } from "./libreoffice.js";
import { ikz } from "./runIkz.js";

export type ToolCommand = "allocate" | "priorities";

interface Share {
  readonly town: string;
  readonly cents: number;
  readonly cell: string | null;
}
interface ItemJson {
  readonly name: string;
  readonly key: string;
  readonly amountCents: number;
  readonly shares: readonly Share[];
}
/** What `ikz allocate --json` prints. */
export interface AllocateJson {
  readonly items: readonly ItemJson[];
  readonly overhead: ItemJson | null;
  readonly totals: readonly { town: string; cents: number }[];
  readonly advances: readonly { town: string; quarters: readonly number[] }[];
  readonly trueUp: readonly { town: string; planCents: number; actualCents: number; differenceCents: number }[] | null;
}
/** What `ikz priorities --json` prints. */
export interface PrioritiesJson {
  readonly town: string;
  readonly tasks: readonly { code: string; name: string; score: number; rank: number; class: string; cell: string }[];
}

export interface FindingOrAgreementCase {
  /** The workbook as the user saved it. */
  readonly file: string;
  /** A copy of `file` that carries LibreOffice's results, when `file` itself has none. Default: `file`. */
  readonly sheetFile?: string;
  readonly command: ToolCommand;
  /**
   * Where a right finding may point: `Sheet!A1`, `Sheet!A1:C3`, a whole row `Sheet!6:6` or a
   * whole column `Sheet!I:I`.
   */
  readonly findingAt: readonly string[];
  /** Also accept a finding at any cell that shows an error value or a formula with `#REF!`. */
  readonly orAtBrokenCell?: boolean;
  /**
   * Also accept a finding at any cell whose formula the edit changed (shifted, broken, typed over):
   * the path of the unedited workbook saved by LibreOffice (so both formula texts come from one writer).
   */
  readonly orAtChangedFormulaSince?: string;
  /**
   * Further conditions for the agreement branch, e.g. "the town typed below the prepared rows is
   * in the tool's result". Returns what is wrong (empty: fine).
   */
  readonly alsoWhenComputed?: (output: AllocateJson & PrioritiesJson, sheet: WorkbookSnapshot) => string[];
}

export type Outcome =
  | { readonly outcome: "finding"; readonly finding: ValidationIssue }
  | { readonly outcome: "agreement"; readonly compared: number };

const sheetAndAddress = (reference: string): { sheet: string; address: string } => {
  const at = reference.lastIndexOf("!");
  const sheet = reference
    .slice(0, at)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, address: reference.slice(at + 1) };
};

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

/** The value the sheet shows at `Sheet!A1` (`undefined` when the sheet does not exist). */
export function sheetValue(snapshot: WorkbookSnapshot, reference: string): CellValue | undefined {
  const { sheet, address } = sheetAndAddress(reference);
  const found = findSheet(snapshot, sheet);
  if (!found) return undefined;
  const { row, column } = parseCellAddress(address);
  return snapshotCell(found, row, column)?.value ?? null;
}

/** Does `Sheet!address` lie in one of the patterns? */
export function cellMatches(sheet: string, address: string, patterns: readonly string[]): boolean {
  const { row, column } = parseCellAddress(address);
  return patterns.some((pattern) => {
    const p = sheetAndAddress(pattern);
    if (p.sheet !== sheet) return false;
    const [from = "", to = from] = p.address.split(":");
    const bound = (part: string) => {
      const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(part);
      return {
        column: m?.[1] ? parseCellAddress(`${m[1]}1`).column : undefined,
        row: m?.[2] ? Number(m[2]) : undefined,
      };
    };
    const a = bound(from);
    const b = bound(to);
    const inRows = a.row === undefined || (row >= a.row && row <= (b.row ?? a.row));
    const inColumns = a.column === undefined || (column >= a.column && column <= (b.column ?? a.column));
    return inRows && inColumns;
  });
}

/** Every cell that shows an error value or whose formula has a `#REF!`, as `Sheet!A1`. */
export function brokenCells(snapshot: WorkbookSnapshot): string[] {
  const found: string[] = [];
  for (const sheet of snapshot.sheets) {
    sheet.rows.forEach((cells, row) =>
      cells?.forEach((cell, column) => {
        if (cell && (isCellError(cell.value) || cell.formula?.includes("#REF!"))) {
          found.push(`${sheet.name}!${cellAddress(row, column)}`);
        }
      }),
    );
  }
  return found;
}

/** Every cell whose formula differs between two workbooks (added, removed or changed), as `Sheet!A1`. */
export function changedFormulaCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const found: string[] = [];
  for (const sheet of after.sheets) {
    const old = findSheet(before, sheet.name);
    const rowCount = Math.max(sheet.rows.length, old?.rows.length ?? 0);
    for (let row = 1; row < rowCount; row++) {
      const cells = sheet.rows[row];
      const oldCells = old?.rows[row];
      const columnCount = Math.max(cells?.length ?? 0, oldCells?.length ?? 0);
      for (let column = 1; column < columnCount; column++) {
        if (cells?.[column]?.formula !== oldCells?.[column]?.formula) {
          found.push(`${sheet.name}!${cellAddress(row, column)}`);
        }
      }
    }
  }
  return found;
}

const show = (value: CellValue | undefined): string =>
  value === undefined ? "(no such sheet)" : value === null ? "(empty)" : JSON.stringify(value);

function sameMoney(sheet: CellValue | undefined, cents: number): boolean {
  return typeof sheet === "number" && sheet === toLibreOfficePrecision(cents / 100);
}

/** Where the tool and the annex („Ergebnis“) of a cost model disagree. */
export function allocationDisagreements(result: AllocateJson, snapshot: WorkbookSnapshot): string[] {
  const problems: string[] = [];
  const townColumn = new Map<string, { sheet: string; column: number }>();
  const items = [
    ...result.items.map((item) => ({ item, overhead: false })),
    ...(result.overhead ? [{ item: result.overhead, overhead: true }] : []),
  ];
  for (const { item, overhead } of items) {
    for (const share of item.shares) {
      const what = `share of „${share.town}“ in „${item.name}“ (${share.cents / 100} €)`;
      if (share.cell === null) {
        problems.push(`${what}: the tool names no cell`);
        continue;
      }
      const shown = sheetValue(snapshot, share.cell);
      if (!sameMoney(shown, share.cents)) problems.push(`${what}: ${share.cell} shows ${show(shown)}`);
      const { sheet, address } = sheetAndAddress(share.cell);
      const { row, column } = parseCellAddress(address);
      const header = sheetValue(snapshot, `${sheet}!${cellAddress(RESULT_HEADER_ROW, column)}`);
      if (header !== share.town)
        problems.push(`${what}: column ${columnLetter(column)} of ${sheet} is headed ${show(header)}`);
      if (!overhead) {
        const label = sheetValue(snapshot, `${sheet}!B${row}`);
        if (label !== item.name) problems.push(`${what}: row ${row} of ${sheet} is the item ${show(label)}`);
      }
      if (!townColumn.has(share.town)) townColumn.set(share.town, { sheet, column });
    }
  }
  const labelled = (sheetName: string, label: string): number | undefined => {
    const sheet = findSheet(snapshot, sheetName);
    const row = sheet?.rows.findIndex((cells) => cells?.[2]?.value === label);
    return row === undefined || row < 0 ? undefined : row;
  };
  /** Compares one per-town line of the annex, found by its label in column B (German demo). */
  const compareLine = (label: string, town: string, cents: number) => {
    const at = townColumn.get(town);
    if (!at) {
      problems.push(`„${town}“ (${label}: ${cents / 100} €): the sheet has no column for this town`);
      return;
    }
    const row = labelled(at.sheet, label);
    if (row === undefined) {
      problems.push(`no row „${label}“ on ${at.sheet}`);
      return;
    }
    const reference = `${at.sheet}!${cellAddress(row, at.column)}`;
    const shown = sheetValue(snapshot, reference);
    if (!sameMoney(shown, cents))
      problems.push(`${label} of „${town}“ (${cents / 100} €): ${reference} shows ${show(shown)}`);
  };
  for (const total of result.totals) compareLine("Jahresbetrag je Kommune", total.town, total.cents);
  for (const advance of result.advances) {
    advance.quarters.forEach((cents, q) => compareLine(`${q + 1}. Abschlag`, advance.town, cents));
  }
  for (const line of result.trueUp ?? []) {
    compareLine("Anteil nach Ist-Werten", line.town, line.actualCents);
    compareLine("Abschläge (Plan)", line.town, line.planCents);
    compareLine("Nachzahlung (+) / Erstattung (−)", line.town, line.differenceCents);
  }
  return problems;
}

/** Where the tool and the task sheet disagree: score (1e-9), rank, class and code of every task. */
export function priorityDisagreements(result: PrioritiesJson, snapshot: WorkbookSnapshot): string[] {
  const problems: string[] = [];
  const printed = new Set<string>();
  let scoreSheet: SheetSnapshot | undefined;
  let scoreColumn = 0;
  for (const task of result.tasks) {
    const what = `task ${task.code} (score ${task.score}, rank ${task.rank}, class ${task.class})`;
    const { sheet, address } = sheetAndAddress(task.cell);
    const { row, column } = parseCellAddress(address);
    printed.add(`${row}`);
    scoreSheet ??= findSheet(snapshot, sheet);
    scoreColumn = column;
    const score = sheetValue(snapshot, task.cell);
    if (typeof score !== "number" || Math.abs(score - task.score) > 1e-9)
      problems.push(`${what}: ${task.cell} shows ${show(score)}`);
    // Rank and class stand right of the score (as in test/parity-aufgabenkatalog.test.ts).
    const rank = sheetValue(snapshot, `${sheet}!${cellAddress(row, column + 1)}`);
    if (rank !== task.rank) problems.push(`${what}: rank cell ${cellAddress(row, column + 1)} shows ${show(rank)}`);
    const cls = sheetValue(snapshot, `${sheet}!${cellAddress(row, column + 2)}`);
    if (cls !== task.class) problems.push(`${what}: class cell ${cellAddress(row, column + 2)} shows ${show(cls)}`);
    const code = sheetValue(snapshot, `${sheet}!A${row}`);
    if (String(code) !== task.code) problems.push(`${what}: A${row} holds ${show(code)}`);
  }
  // A score the sheet shows for a task the tool does not print is a disagreement too.
  scoreSheet?.rows.forEach((cells, row) => {
    const score = cells?.[scoreColumn]?.value;
    if (typeof score === "number" && !printed.has(`${row}`) && cells?.[scoreColumn]?.formula !== undefined) {
      problems.push(`the sheet scores ${cellAddress(row, scoreColumn)} (${score}), the tool prints no task for it`);
    }
  });
  return problems;
}

/**
 * Asserts issue 10's rule for one edited workbook (see the file comment) and says which branch
 * held. Throws with everything the tool said when neither holds.
 */
export async function expectFindingOrAgreement(c: FindingOrAgreementCase): Promise<Outcome> {
  /** What the sheet shows: read only when needed (reading a big workbook takes seconds). */
  let read: Promise<WorkbookSnapshot> | undefined;
  const readSheet = () => (read ??= readSnapshotFromXlsx(c.sheetFile ?? c.file, "sheet.xlsx"));
  const validation = await ikz("validate", c.file, "--json");
  const computed = await ikz(c.command, c.file, "--json");
  const reports = JSON.parse(validation.stdout) as { issues: ValidationIssue[] }[];
  const issues = reports.flatMap((r) => r.issues);
  const errors = issues.filter((i) => i.severity === "error");
  const listed = (list: readonly ValidationIssue[]) =>
    [
      ...list.slice(0, 20).map((i) => `  ${i.severity} ${i.code} at ${i.sheet ?? "?"}!${i.cell ?? "?"}: ${i.message}`),
      ...(list.length > 20 ? [`  … and ${list.length - 20} more`] : []),
    ].join("\n") || "  (none)";

  if (validation.code === 1 || validation.code === 2) {
    const at = (patterns: readonly string[]) =>
      errors.find(
        (i) =>
          i.sheet !== undefined && i.cell !== undefined && cellMatches(i.sheet, i.cell.split(":")[0] ?? "", patterns),
      );
    let right = at(c.findingAt);
    if (!right && (c.orAtBrokenCell || c.orAtChangedFormulaSince)) {
      const sheet = await readSheet();
      const unchanged = c.orAtChangedFormulaSince
        ? await readSnapshotFromXlsx(c.orAtChangedFormulaSince, "before.xlsx")
        : undefined;
      right = at([
        ...(c.orAtBrokenCell ? brokenCells(sheet) : []),
        ...(unchanged ? changedFormulaCells(unchanged, sheet) : []),
      ]);
    }
    if (!right) {
      const also = [
        ...(c.orAtBrokenCell ? ["or a broken cell"] : []),
        ...(c.orAtChangedFormulaSince ? ["or a cell whose formula the edit changed"] : []),
      ];
      throw new Error(
        `validate exits ${validation.code}, but no error names the right cell (${[c.findingAt.join(", "), ...also].join(", ")}). Errors:\n${listed(errors)}`,
      );
    }
    if (computed.code !== 1 && computed.code !== 2) {
      throw new Error(
        `validate finds ${right.sheet}!${right.cell}, but \`ikz ${c.command}\` still computes (exit ${computed.code})`,
      );
    }
    return { outcome: "finding", finding: right };
  }
  if (validation.code !== 0) throw new Error(`validate exits ${validation.code}:\n${validation.stderr}`);
  if (computed.code !== 0) {
    throw new Error(`validate says valid, but \`ikz ${c.command}\` exits ${computed.code}:\n${computed.stderr}`);
  }
  const sheet = await readSheet();
  const output = JSON.parse(computed.stdout) as AllocateJson & PrioritiesJson;
  const problems =
    c.command === "allocate" ? allocationDisagreements(output, sheet) : priorityDisagreements(output, sheet);
  problems.push(...(c.alsoWhenComputed?.(output, sheet) ?? []));
  if (problems.length > 0) {
    const shown = problems.slice(0, 15).join("\n  ");
    throw new Error(
      `validate exits 0 and \`ikz ${c.command}\` computes, but tool and sheet disagree (${problems.length}):\n  ${shown}${problems.length > 15 ? "\n  …" : ""}\nFindings (warnings/info):\n${listed(issues)}`,
    );
  }
  const compared = c.command === "allocate" ? output.items.length : output.tasks.length;
  return { outcome: "agreement", compared };
}
