/**
 * Formula integrity: every computed cell of a workbook still holds the formula ikz-kit planned for
 * it, so that what the sheet shows is what the library computes. The workbook's metadata records
 * the planned row counts; with them the formulas are planned again and compared, cell by cell and
 * reference by reference, after the shifts a user's own edits legitimately cause:
 * - rows inserted above a table's header, and moved or inserted columns (found by the header);
 * - rows inserted or deleted inside a table whose formulas work row by row (the task catalogue):
 *   a row's references to itself follow the row, and ranges over a whole column may grow or shrink
 *   — but every such range must end on the same row, and rows in use below it are not computed.
 * Everything else is an error naming the cell: a formula replaced by a value or by another formula,
 * a formula deleted, a reference to deleted cells (`#REF!`), an error value as a result, entries
 * below the rows the formulas cover.
 *
 * Workbooks without recorded row counts (written before ikz-kit stored them), and those of another
 * template version (whose formulas may differ), get the checks that need no plan: a formula in every
 * computed cell of a row in use, no `#REF!`, no error result. A template's version must change with
 * its formulas; test/formula-fingerprint.test.ts holds every template to that.
 */
import { cellAddress } from "../cells/address.js";
import { hasErrorToken, tokenizeFormula, type FormulaToken, type ReferencePoint } from "../formulas/tokenizeFormula.js";
import { renderTerm } from "../messages/terms.js";
import { parseLayoutRows, planWorkbook } from "../plan/planWorkbook.js";
import type { SheetLayout, WorkbookLayout } from "../plan/resolveLayout.js";
import { PLAN_PROBE_ROW, type SheetPlan } from "../plan/WorkbookPlan.js";
import {
  isCellError,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookSnapshot,
} from "../snapshot/WorkbookSnapshot.js";
import type { Language, TemplateSpec } from "../spec/TemplateSpec.js";
import type { IssueSink } from "./cappedIssues.js";
import { describeValue } from "./parseCell.js";
import { findSheet, normaliseLabel, workbookLanguage, type ParsedWorkbook } from "./readWorkbook.js";
import { createIssue, type ValidationIssue } from "./ValidationIssue.js";

/** Findings of one kind kept per sheet; the rest are summed up in one finding. */
const FINDINGS_PER_SHEET = 25;
/** Longest formula text quoted in a message. */
const QUOTED_FORMULA = 160;

/** Where a sheet of the plan is in the workbook, and how its rows and columns moved. */
interface SheetPlace {
  readonly key: string;
  readonly layout: SheetLayout;
  readonly actual: SheetSnapshot;
  /** Planned row → row in the workbook. */
  row(planned: number): number;
  /** Planned column → column in the workbook. */
  column(planned: number): number;
  /** For tables: the planned last data row, whose ranges may have grown or shrunk. */
  readonly growingEnd: number | undefined;
  /** No row or column of the sheet moved. */
  readonly unmoved: boolean;
}

type Verdict =
  | { readonly kind: "ok" }
  | { readonly kind: "missing" }
  | { readonly kind: "value" }
  | { readonly kind: "broken" }
  | { readonly kind: "changed"; readonly shiftedSheet: string | undefined };

/** A range end whose row follows the rows a user inserted or deleted in a table. */
interface EndObservation {
  readonly tableKey: string;
  readonly actualEnd: number;
  readonly sheet: string;
  readonly cell: string;
  readonly column: string | undefined;
  readonly plannedText: string;
  readonly actualFormula: string;
}

interface Finding {
  readonly code:
    | "formula.missing"
    | "formula.replaced"
    | "formula.broken"
    | "formula.changed"
    | "formula.shifted"
    | "formula.errorResult";
  readonly sheet: string;
  readonly cell: string;
  readonly column: string | undefined;
  readonly expected: string;
  readonly received: string;
  readonly other?: string;
}

export interface FormulaCheckInput {
  readonly spec: TemplateSpec;
  readonly snapshot: WorkbookSnapshot;
  readonly workbook: ParsedWorkbook;
  /** Language of the messages. */
  readonly language: Language;
  readonly issues: IssueSink;
}

/**
 * Checks every computed cell of a read workbook against its planned formula and reports what a
 * user's edit broke (see the module comment). Findings are errors: a command computes nothing from
 * such a workbook, because the sheet would show another number than the tool.
 */
export function checkFormulas(input: FormulaCheckInput): void {
  const { spec, snapshot, workbook, language } = input;
  const file = snapshot.fileName;
  const plannedLanguage = workbookLanguage(workbook);
  const layoutRows = parseLayoutRows(workbook.metadata.layout);
  const findings: Finding[] = [];
  const observations: EndObservation[] = [];
  const beyond = new Map<string, { first: number; count: number; sheet: string; end: number; remedy: string }>();

  // the plan is only known for the template version this ikz-kit writes (formulas change with it)
  if (layoutRows === undefined || workbook.metadata.templateVersion !== spec.version) {
    checkWithoutPlan(spec, workbook, snapshot, findings, language);
  } else {
    const { plan, layout } = planWorkbook(spec, { language: plannedLanguage, generatorVersion: "", layoutRows });
    const places = placeSheets(layout, snapshot, workbook);
    const byPlannedName = new Map<string, string>();
    for (const [key, place] of layout.sheets) byPlannedName.set(normaliseLabel(place.name), key);
    const compare = formulaComparer(places, byPlannedName);
    const unmoved = [...places.values()].every((place) => place.unmoved);
    const observeUnchanged = unchangedObserver(places, byPlannedName);
    for (const sheetPlan of plan.sheets) {
      const place = places.get(sheetPlan.key);
      if (!place) continue;
      if (place.layout.spec.kind === "table" && !place.layout.spec.fixedRows)
        checkTableRows(
          sheetPlan,
          place,
          workbook,
          compare,
          unmoved,
          observeUnchanged,
          findings,
          observations,
          language,
        );
      else checkCells(sheetPlan, place, compare, findings, observations, language);
    }
    // a range over a whole column must end on the row most of its ranges end on; entries below
    // that row are not computed by the sheet
    const ends = learnedEnds(places, observations);
    for (const observation of observations) {
      if (ends.get(observation.tableKey) === observation.actualEnd) continue;
      findings.push({
        code: "formula.changed",
        sheet: observation.sheet,
        cell: observation.cell,
        column: observation.column,
        expected: renderTerm("expectFormula", language, { value: quote(observation.plannedText) }),
        received: renderTerm("kindFormula", language, { value: quote(observation.actualFormula) }),
      });
    }
    for (const [key, end] of ends) {
      const parsed = workbook.sheets.get(key);
      if (parsed?.kind !== "table") continue;
      for (const row of parsed.rows) {
        if (row.row <= end) continue;
        const known = beyond.get(key);
        if (known) known.count++;
        else
          beyond.set(key, {
            first: row.row,
            count: 1,
            sheet: parsed.sheetName,
            end,
            remedy: moreRowsRemedy(
              plan.sheets.find((s) => s.key === key),
              places.get(key),
              language,
            ),
          });
      }
    }
  }

  // rows beyond the covered ones: their own finding replaces those of their cells
  const beyondRows = new Map<string, number>();
  for (const entry of beyond.values()) beyondRows.set(entry.sheet, entry.first);
  const perSheet = new Map<string, { count: number; first: Finding }>();
  for (const finding of findings) {
    const firstBeyond = beyondRows.get(finding.sheet);
    if (firstBeyond !== undefined && rowOf(finding.cell) >= firstBeyond) continue;
    const seen = perSheet.get(finding.sheet);
    if (seen) seen.count++;
    else perSheet.set(finding.sheet, { count: 1, first: finding });
    if ((seen?.count ?? 1) > FINDINGS_PER_SHEET) continue;
    input.issues.push(issueOf(finding, file, language));
  }
  for (const [sheet, { count, first }] of perSheet) {
    if (count <= FINDINGS_PER_SHEET) continue;
    input.issues.push(
      createIssue(
        "error",
        "formula.more",
        language,
        { file, sheet, cell: first.cell },
        { count: count - FINDINGS_PER_SHEET },
      ),
    );
  }
  for (const entry of beyond.values()) {
    input.issues.push(
      createIssue(
        "error",
        "rows.beyondCapacity",
        language,
        { file, sheet: entry.sheet, cell: `A${entry.first}` },
        { value: String(entry.first), expected: String(entry.end), count: entry.count, other: entry.remedy },
      ),
    );
  }
}

/**
 * How a table gets more rows: the spec's own way (the cost model: `ikz upgrade --town-rows`),
 * else inserting rows inside the table when all its formulas work row by row, else a new template.
 */
function moreRowsRemedy(sheetPlan: SheetPlan | undefined, place: SheetPlace | undefined, language: Language): string {
  const spec = place?.layout.spec;
  if (spec?.kind !== "table") return renderTerm("moreRowsNew", language);
  if (spec.moreRows) return `${spec.moreRows[language]}.`;
  const computed = spec.columns.flatMap((column, index) => (column.kind === "computed" ? [index + 1] : []));
  const templates = sheetPlan?.rowFormulaTemplates;
  const byRow = templates !== undefined && computed.every((column) => templates.has(column));
  return renderTerm(byRow ? "moreRowsInsert" : "moreRowsNew", language);
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

function issueOf(finding: Finding, file: string, language: Language): ValidationIssue {
  return createIssue(
    "error",
    finding.code,
    language,
    { file, sheet: finding.sheet, cell: finding.cell },
    {
      ...(finding.column === undefined ? {} : { column: finding.column }),
      expected: finding.expected,
      received: finding.received,
      ...(finding.other === undefined ? {} : { other: finding.other }),
    },
  );
}

function placeSheets(
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  workbook: ParsedWorkbook,
): Map<string, SheetPlace> {
  const places = new Map<string, SheetPlace>();
  for (const [key, sheetLayout] of layout.sheets) {
    const parsed = workbook.sheets.get(key);
    const actual = parsed
      ? snapshot.sheets.find((s) => s.name === parsed.sheetName)
      : findSheet(snapshot, sheetLayout.spec);
    if (!actual) continue;
    const identity = (n: number): number => n;
    if (parsed?.kind === "table") {
      const shift = parsed.headerRow - sheetLayout.headerRow;
      const columns = new Map<number, number>();
      for (const [columnKey, planned] of sheetLayout.columns) {
        const found = parsed.columns.get(columnKey);
        if (found !== undefined) columns.set(planned, found);
      }
      const fixed = sheetLayout.spec.kind === "table" && sheetLayout.spec.fixedRows !== undefined;
      places.set(key, {
        unmoved: shift === 0 && [...columns].every(([planned, found]) => planned === found),
        key,
        layout: sheetLayout,
        actual,
        row: (planned) => (planned >= sheetLayout.headerRow ? planned + shift : planned),
        column: (planned) => columns.get(planned) ?? planned,
        growingEnd: fixed ? undefined : sheetLayout.lastDataRow,
      });
    } else if (parsed?.kind === "form") {
      const rows = new Map<number, number>();
      for (const [fieldKey, planned] of sheetLayout.rowsByKey) {
        const address = parsed.cells[fieldKey];
        const found = address === undefined ? undefined : rowOf(address);
        if (found !== undefined) rows.set(planned, found);
      }
      places.set(key, {
        unmoved: [...rows].every(([planned, found]) => planned === found),
        key,
        layout: sheetLayout,
        actual,
        row: (planned) => rows.get(planned) ?? planned,
        column: identity,
        growingEnd: undefined,
      });
    } else {
      places.set(key, {
        key,
        layout: sheetLayout,
        actual,
        row: identity,
        column: identity,
        growingEnd: undefined,
        unmoved: true,
      });
    }
  }
  return places;
}

/**
 * A row number no template reaches: a row template is tokenized once with it in place of its row,
 * and each compared row puts its own planned row there.
 */
const PROBE_ROW = PLAN_PROBE_ROW;

/** The place of one compared cell: sheet, planned and actual row, address and column label. */
interface ComparedCell {
  readonly home: SheetPlace;
  /** The planned row the formula is for (it stands for {@link PROBE_ROW} in a row template). */
  readonly plannedRow: number;
  readonly actualRow: number;
  readonly address: string;
  readonly column: string | undefined;
}

type Compare = (
  planned: readonly FormulaToken[],
  plannedText: string,
  at: ComparedCell,
  cell: SnapshotCell | undefined,
  observations: EndObservation[],
) => Verdict;

/**
 * Compares a planned formula with a cell, token by token: names, numbers and strings must be the
 * same; each reference must point where the planned one points after the sheet's shifts (a row's
 * reference to itself follows the row; the end of a range over a whole table column is observed
 * and judged later, once every range's end is known).
 */
function formulaComparer(places: ReadonlyMap<string, SheetPlace>, byPlannedName: ReadonlyMap<string, string>): Compare {
  const cache = new Map<string, FormulaToken[]>();
  const tokensOf = (formula: string): FormulaToken[] => {
    let tokens = cache.get(formula);
    if (!tokens) {
      tokens = tokenizeFormula(formula);
      if (cache.size > 50_000) cache.clear();
      cache.set(formula, tokens);
    }
    return tokens;
  };
  return (planned, plannedText, at, cell, observations) => {
    const { home, plannedRow, actualRow } = at;
    if (cell?.formula === undefined) {
      const blank =
        cell === undefined || cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "");
      return blank ? { kind: "missing" } : { kind: "value" };
    }
    const actual = tokensOf(cell.formula);
    if (hasErrorToken(actual) && !hasErrorToken(planned)) return { kind: "broken" };
    if (actual.length !== planned.length) return { kind: "changed", shiftedSheet: undefined };
    const pending: EndObservation[] = [];
    let onlyRows = true;
    let shiftedSheet: string | undefined;
    let same = true;
    for (let index = 0; index < planned.length; index++) {
      const p = planned[index];
      const a = actual[index];
      if (!p || !a || p.kind !== a.kind) return { kind: "changed", shiftedSheet: undefined };
      switch (p.kind) {
        case "string":
          if (a.kind !== "string" || a.text !== p.text) return { kind: "changed", shiftedSheet: undefined };
          break;
        case "number":
          if (a.kind !== "number" || Math.abs(a.value - p.value) > 1e-12 * Math.max(1, Math.abs(p.value)))
            return { kind: "changed", shiftedSheet: undefined };
          break;
        case "name":
        case "symbol":
        case "error":
          if (
            (a.kind === "name" || a.kind === "symbol" || a.kind === "error") &&
            a.text.toUpperCase() === p.text.toUpperCase()
          )
            break;
          return { kind: "changed", shiftedSheet: undefined };
        case "reference": {
          if (a.kind !== "reference") return { kind: "changed", shiftedSheet: undefined };
          const targetKey = p.sheet === undefined ? home.key : byPlannedName.get(normaliseLabel(p.sheet));
          const target = targetKey === undefined ? undefined : places.get(targetKey);
          if (!target) {
            // a sheet the plan does not know: the reference must stay as written
            if (!samePoint(p.start, a.start) || !sameEnd(p.end, a.end))
              return { kind: "changed", shiftedSheet: undefined };
            break;
          }
          const actualSheet = a.sheet === undefined ? home.actual.name : a.sheet;
          if (normaliseLabel(actualSheet) !== normaliseLabel(target.actual.name))
            return { kind: "changed", shiftedSheet: undefined };
          const plannedRowOf = (point: ReferencePoint): number => (point.row === PROBE_ROW ? plannedRow : point.row);
          const own = (point: ReferencePoint): boolean =>
            target === home && !point.absoluteRow && plannedRowOf(point) === plannedRow;
          const expectRow = (point: ReferencePoint): number =>
            own(point) ? actualRow : target.row(plannedRowOf(point));
          if (a.start.column !== target.column(p.start.column)) onlyRows = false;
          if (a.start.column !== target.column(p.start.column) || a.start.row !== expectRow(p.start)) {
            same = false;
            shiftedSheet = target.actual.name;
          }
          if ((p.end === undefined) !== (a.end === undefined)) return { kind: "changed", shiftedSheet: undefined };
          if (p.end && a.end) {
            if (a.end.column !== target.column(p.end.column)) {
              onlyRows = false;
              same = false;
            } else if (target.growingEnd !== undefined && plannedRowOf(p.end) === target.growingEnd && !own(p.end)) {
              pending.push({
                tableKey: target.key,
                actualEnd: a.end.row,
                sheet: home.actual.name,
                cell: at.address,
                column: at.column,
                plannedText,
                actualFormula: cell.formula,
              });
            } else if (a.end.row !== expectRow(p.end)) {
              same = false;
              shiftedSheet = target.actual.name;
            }
          }
          break;
        }
      }
    }
    if (!same) return { kind: "changed", shiftedSheet: onlyRows ? shiftedSheet : undefined };
    for (const observation of pending) observations.push(observation);
    return { kind: "ok" };
  };
}

/** Records the range ends of a formula found exactly as planned in a workbook nobody moved. */
type ObserveUnchanged = (
  formula: string,
  at: ComparedCell,
  observations: EndObservation[],
  shownFormula?: string,
) => void;

function unchangedObserver(
  places: ReadonlyMap<string, SheetPlace>,
  byPlannedName: ReadonlyMap<string, string>,
): ObserveUnchanged {
  // per formula text: the tables whose growing end it refers to, and that end
  const cache = new Map<string, readonly { tableKey: string; end: number }[]>();
  return (formula, at, observations, shownFormula = formula) => {
    if (!formula.includes(":")) return;
    let ends = cache.get(formula);
    if (!ends) {
      const found: { tableKey: string; end: number }[] = [];
      for (const token of tokenizeFormula(formula)) {
        if (token.kind !== "reference" || token.end === undefined) continue;
        const key = token.sheet === undefined ? at.home.key : byPlannedName.get(normaliseLabel(token.sheet));
        const target = key === undefined ? undefined : places.get(key);
        if (target?.growingEnd !== undefined && token.end.row === target.growingEnd)
          found.push({ tableKey: target.key, end: token.end.row });
      }
      ends = found;
      if (cache.size > 50_000) cache.clear();
      cache.set(formula, ends);
    }
    for (const { tableKey, end } of ends)
      observations.push({
        tableKey,
        actualEnd: end,
        sheet: at.home.actual.name,
        cell: at.address,
        column: at.column,
        plannedText: shownFormula,
        actualFormula: shownFormula,
      });
  };
}

/**
 * Whether a workbook's formula is the planned one as text, after the spellings LibreOffice uses
 * for the same formula: `FALSE()` for `FALSE`, `Teilbeträge!` for `'Teilbeträge'!`. (The token
 * comparison accepts more; this is the quick way for the common case of an untouched formula.)
 */
function sameText(actual: string, planned: string): boolean {
  return actual === planned || canonicalText(actual) === canonicalText(planned);
}

function canonicalText(formula: string): string {
  return formula
    .replace(/\b(TRUE|FALSE)\(\)/gi, (_, name: string) => name.toUpperCase())
    .replace(/'([^'\s!(),;:+\-*/&=<>^"[\]{}]+)'!/g, "$1!");
}

function samePoint(a: ReferencePoint, b: ReferencePoint): boolean {
  return a.row === b.row && a.column === b.column;
}

function sameEnd(a: ReferencePoint | undefined, b: ReferencePoint | undefined): boolean {
  return a === undefined || b === undefined ? a === b : samePoint(a, b);
}

function quote(formula: string): string {
  return formula.length > QUOTED_FORMULA ? `${formula.slice(0, QUOTED_FORMULA - 1)}…` : formula;
}

/** Judges one compared cell: a finding unless it holds the planned formula and a plain result. */
function record(
  verdict: Verdict,
  cell: SnapshotCell | undefined,
  plannedText: string,
  at: ComparedCell,
  findings: Finding[],
  language: Language,
): void {
  const { address, column } = at;
  const sheet = at.home.actual.name;
  const expected = renderTerm("expectFormula", language, { value: quote(plannedText) });
  const base = { sheet, cell: address, column, expected };
  switch (verdict.kind) {
    case "ok": {
      const value = cell?.value ?? null;
      if (isCellError(value))
        findings.push({ ...base, code: "formula.errorResult", received: describeValue(value, language) });
      return;
    }
    case "missing":
      findings.push({ ...base, code: "formula.missing", received: renderTerm("kindEmpty", language) });
      return;
    case "value":
      findings.push({ ...base, code: "formula.replaced", received: describeValue(cell?.value ?? null, language) });
      return;
    case "broken":
      findings.push({
        ...base,
        code: "formula.broken",
        received: renderTerm("kindFormula", language, { value: quote(cell?.formula ?? "") }),
      });
      return;
    case "changed":
      findings.push({
        ...base,
        code: verdict.shiftedSheet === undefined ? "formula.changed" : "formula.shifted",
        received: renderTerm("kindFormula", language, { value: quote(cell?.formula ?? "") }),
        ...(verdict.shiftedSheet === undefined ? {} : { other: verdict.shiftedSheet }),
      });
  }
}

/** Grid, form and fixed-row sheets: every planned formula at its (shifted) place. */
function checkCells(
  sheetPlan: SheetPlan,
  place: SheetPlace,
  compare: Compare,
  findings: Finding[],
  observations: EndObservation[],
  language: Language,
): void {
  const columnLabels = labelsOf(place, language);
  for (const plannedRow of sheetPlan.rows()) {
    for (const plannedCell of plannedRow.cells) {
      if (plannedCell.formula === undefined) continue;
      const row = place.row(plannedRow.row);
      const column = place.column(plannedCell.column);
      const cell = place.actual.rows[row]?.[column];
      const at: ComparedCell = {
        home: place,
        plannedRow: plannedRow.row,
        actualRow: row,
        address: cellAddress(row, column),
        column: columnLabels.get(plannedCell.column),
      };
      const verdict = compare(tokenizeFormula(plannedCell.formula), plannedCell.formula, at, cell, observations);
      record(verdict, cell, plannedCell.formula, at, findings, language);
    }
  }
}

/** Column labels of a table or form by planned column (tables) or value column (forms). */
function labelsOf(place: SheetPlace, language: Language): Map<number, string> {
  const labels = new Map<number, string>();
  const spec = place.layout.spec;
  if (spec.kind === "table") spec.columns.forEach((column, index) => labels.set(index + 1, column.label[language]));
  return labels;
}

/**
 * A table of row formulas: each row in use is compared with the planned formula of its row. A
 * column whose formula is the same in every planned row but for the row's own number (the task
 * catalogue's scores) is compared with that one formula in any row, so rows inserted or deleted
 * in the middle keep their place; other columns are compared row for row.
 */
function checkTableRows(
  sheetPlan: SheetPlan,
  place: SheetPlace,
  workbook: ParsedWorkbook,
  compare: Compare,
  unmoved: boolean,
  observeUnchanged: ObserveUnchanged,
  findings: Finding[],
  observations: EndObservation[],
  language: Language,
): void {
  const parsed = workbook.sheets.get(place.key);
  if (parsed?.kind !== "table") return;
  const layout = place.layout;
  const first = layout.firstDataRow;
  // per planned column: its row template (from the plan), or its formula in each planned row
  const templateParts = new Map<number, readonly string[]>(sheetPlan.rowFormulaTemplates ?? []);
  const computed: number[] = [];
  if (layout.spec.kind === "table")
    layout.spec.columns.forEach((column, index) => {
      if (column.kind === "computed") computed.push(index + 1);
    });
  const perRow = new Map<number, Map<number, string>>();
  for (const column of computed) if (!templateParts.has(column)) perRow.set(column, new Map());
  if (perRow.size > 0) {
    for (const plannedRow of sheetPlan.rows()) {
      if (plannedRow.row < first) continue;
      for (const plannedCell of plannedRow.cells) {
        if (plannedCell.formula !== undefined) perRow.get(plannedCell.column)?.set(plannedRow.row, plannedCell.formula);
      }
    }
  }
  const columnLabels = labelsOf(place, language);
  const shift = place.row(first) - first;
  const last = layout.lastDataRow;
  const templateTokens = new Map<number, FormulaToken[]>();
  for (const [column, parts] of templateParts)
    templateTokens.set(column, tokenizeFormula(parts.join(String(PROBE_ROW))));
  for (const row of parsed.rows) {
    const plannedRowNumber = row.row - shift;
    for (const column of computed) {
      const actualColumn = place.column(column);
      const cell = place.actual.rows[row.row]?.[actualColumn];
      const at: ComparedCell = {
        home: place,
        plannedRow: plannedRowNumber,
        actualRow: row.row,
        address: cellAddress(row.row, actualColumn),
        column: columnLabels.get(column),
      };
      const parts = templateParts.get(column);
      const tokens = templateTokens.get(column);
      if (parts && tokens) {
        // rows inserted or deleted above move a row away from its planned row: any row of a
        // template is compared with the template (at the nearest planned row)
        const nearest = Math.min(last, Math.max(first, plannedRowNumber));
        const plannedText = parts.join(String(nearest));
        if (unmoved && cell?.formula !== undefined && sameText(cell.formula, plannedText)) {
          // the template's text (with the probe row) is the same in every row: its range ends are
          // found once
          observeUnchanged(parts.join(String(PROBE_ROW)), at, observations, plannedText);
          record({ kind: "ok" }, cell, plannedText, at, findings, language);
          continue;
        }
        const verdict = compare(tokens, plannedText, { ...at, plannedRow: nearest }, cell, observations);
        record(verdict, cell, plannedText, at, findings, language);
        continue;
      }
      const plannedFormula = perRow.get(column)?.get(plannedRowNumber);
      if (plannedFormula === undefined) continue;
      if (unmoved && cell?.formula !== undefined && sameText(cell.formula, plannedFormula)) {
        // fast path: the planned formula as written, in a workbook nobody moved
        observeUnchanged(plannedFormula, at, observations);
        record({ kind: "ok" }, cell, plannedFormula, at, findings, language);
        continue;
      }
      const verdict = compare(tokenizeFormula(plannedFormula), plannedFormula, at, cell, observations);
      record(verdict, cell, plannedFormula, at, findings, language);
    }
  }
}

/**
 * The row every range over a whole column of each table ends on: the end most ranges agree on
 * (ties: the planned end, shifted). A table no such range refers to keeps its planned end.
 */
function learnedEnds(
  places: ReadonlyMap<string, SheetPlace>,
  observations: readonly EndObservation[],
): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const observation of observations) {
    const byEnd = counts.get(observation.tableKey) ?? new Map<number, number>();
    byEnd.set(observation.actualEnd, (byEnd.get(observation.actualEnd) ?? 0) + 1);
    counts.set(observation.tableKey, byEnd);
  }
  const ends = new Map<string, number>();
  for (const [key, place] of places) {
    if (place.growingEnd === undefined) continue;
    const planned = place.row(place.growingEnd);
    const byEnd = counts.get(key);
    let best = planned;
    let bestCount = byEnd?.get(planned) ?? 0;
    for (const [end, count] of byEnd ?? []) {
      if (count > bestCount) {
        best = end;
        bestCount = count;
      }
    }
    ends.set(key, best);
  }
  return ends;
}

/**
 * Without recorded row counts: each computed cell of a row in use must hold a formula without
 * `#REF!`, and its stored result must not be an error value.
 */
function checkWithoutPlan(
  spec: TemplateSpec,
  workbook: ParsedWorkbook,
  snapshot: WorkbookSnapshot,
  findings: Finding[],
  language: Language,
): void {
  for (const sheetSpec of spec.sheets) {
    if (sheetSpec.kind !== "table") continue;
    const parsed = workbook.sheets.get(sheetSpec.key);
    if (parsed?.kind !== "table") continue;
    const actual = snapshot.sheets.find((s) => s.name === parsed.sheetName);
    if (!actual) continue;
    for (const column of sheetSpec.columns) {
      if (column.kind !== "computed") continue;
      const columnNumber = parsed.columns.get(column.key);
      if (columnNumber === undefined) continue;
      for (const row of parsed.rows) {
        const cell = actual.rows[row.row]?.[columnNumber];
        const base = {
          sheet: parsed.sheetName,
          cell: cellAddress(row.row, columnNumber),
          column: column.label[language],
          expected: renderTerm("expectFormula", language, { value: "…" }),
        };
        if (cell?.formula === undefined) {
          const blank =
            cell === undefined || cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "");
          findings.push(
            blank
              ? { ...base, code: "formula.missing", received: renderTerm("kindEmpty", language) }
              : { ...base, code: "formula.replaced", received: describeValue(cell.value, language) },
          );
        } else if (hasErrorToken(tokenizeFormula(cell.formula))) {
          findings.push({
            ...base,
            code: "formula.broken",
            received: renderTerm("kindFormula", language, { value: quote(cell.formula) }),
          });
        } else if (isCellError(cell.value)) {
          findings.push({ ...base, code: "formula.errorResult", received: describeValue(cell.value, language) });
        }
      }
    }
  }
}
