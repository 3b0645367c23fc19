import type { FormerColumn, SheetRevision, TemplateRevision } from "../spec/TemplateHistory.js";
import {
  TemplateSpecError,
  type ColumnSpec,
  type LocalizedText,
  type SheetSpec,
  type TemplateSpec,
} from "../spec/TemplateSpec.js";
import { compareVersions } from "../validation/validateWorkbook.js";

/** What a column's cells held in a version: typed values, formulas, or text the template wrote. */
export type FormerColumnKind = "input" | "computed" | "fixed";

/** A column (or form field) of a table or form sheet as one version laid it out. */
export interface FormerColumnLayout {
  /** Its key in that version. */
  readonly key: string;
  readonly label: LocalizedText;
  readonly kind: FormerColumnKind;
  /** Key of the current column that takes its values; undefined when the column was retired. */
  readonly target: string | undefined;
}

/** A table or form sheet as one version laid it out, with the current sheet it maps onto. */
export interface FormerSheetLayout {
  /** Key of the current sheet. */
  readonly key: string;
  readonly kind: "table" | "form";
  /** Its names, that version's first, then the later versions' (the reader tries them all). */
  readonly names: readonly LocalizedText[];
  /** The titles and descriptions the template wrote into A1/A2 in that version and later. */
  readonly texts: readonly LocalizedText[];
  /** Header row of a table, first field row of a form. */
  readonly headerRow: number;
  /** Columns of a table or fields of a form, in that version's order. */
  readonly columns: readonly FormerColumnLayout[];
}

/** The layout of the table and form sheets of one version of a template. */
export interface FormerLayout {
  readonly version: string;
  /** The table and form sheets that version had. */
  readonly sheets: readonly FormerSheetLayout[];
  /** Keys of the current sheets (of any kind) that version did not have. */
  readonly absent: readonly string[];
  /**
   * The names of the reference and grid sheets (the template's own, regenerated) that version had,
   * by key: that version's first, then the later versions' — so the old sheet is replaced, not
   * kept as the user's own.
   */
  readonly otherNames: ReadonlyMap<string, readonly LocalizedText[]>;
}

/** True when a sheet of the version held values the user typed (at least one input column or field taken over). */
export function takesInput(sheet: FormerSheetLayout): boolean {
  return sheet.columns.some((column) => column.kind === "input" && column.target !== undefined);
}

const kindOf = (column: ColumnSpec): FormerColumnKind =>
  column.kind === "computed" ? "computed" : column.fixed ? "fixed" : "input";

function currentSheet(sheet: SheetSpec): FormerSheetLayout | undefined {
  if (sheet.kind !== "table" && sheet.kind !== "form") return undefined;
  const columns = sheet.kind === "table" ? sheet.columns : sheet.fields;
  return {
    key: sheet.key,
    kind: sheet.kind,
    names: [sheet.name],
    texts: sheet.description ? [sheet.title, sheet.description] : [sheet.title],
    headerRow: sheet.kind === "table" ? sheet.headerRow : sheet.firstRow,
    columns: columns.map((column) => ({
      key: column.key,
      label: column.label,
      kind: kindOf(column),
      target: column.key,
    })),
  };
}

function formerColumn(
  spec: TemplateSpec,
  revision: TemplateRevision,
  successor: FormerSheetLayout,
  entry: string | FormerColumn,
): FormerColumnLayout {
  const inSuccessor = (key: string): FormerColumnLayout => {
    const found = successor.columns.find((column) => column.key === key);
    if (!found)
      throw new TemplateSpecError(
        spec.id,
        `history ${revision.version}: sheet "${successor.key}" has no column "${key}" in the next version`,
      );
    return found;
  };
  if (typeof entry === "string") return inSuccessor(entry);
  if ("retired" in entry) return { key: entry.key, label: entry.label, kind: entry.retired, target: undefined };
  const next = inSuccessor(entry.to ?? entry.key);
  return { key: entry.key, label: entry.label, kind: next.kind, target: next.target };
}

function applyRevision(
  spec: TemplateSpec,
  revision: TemplateRevision,
  sheets: readonly FormerSheetLayout[],
  present: Set<string>,
  otherNames: Map<string, readonly LocalizedText[]>,
): FormerSheetLayout[] {
  for (const key of revision.absent ?? []) {
    if (!present.has(key))
      throw new TemplateSpecError(spec.id, `history ${revision.version}: no sheet "${key}" in the next version`);
    present.delete(key);
  }
  const changed = new Map<string, SheetRevision>();
  for (const sheet of revision.sheets) {
    if (!present.has(sheet.key))
      throw new TemplateSpecError(spec.id, `history ${revision.version}: no sheet "${sheet.key}" in the next version`);
    const names = otherNames.get(sheet.key);
    if (names) {
      // a reference or grid sheet: only its name is history
      if (sheet.headerRow !== undefined || sheet.columns !== undefined)
        throw new TemplateSpecError(spec.id, `history ${revision.version}: sheet "${sheet.key}" has no columns`);
      if (sheet.name) otherNames.set(sheet.key, [sheet.name, ...names]);
      continue;
    }
    if (!sheets.some((s) => s.key === sheet.key))
      throw new TemplateSpecError(spec.id, `history ${revision.version}: no sheet "${sheet.key}" in the next version`);
    changed.set(sheet.key, sheet);
  }
  for (const key of otherNames.keys()) if (!present.has(key)) otherNames.delete(key);
  return sheets.flatMap((successor) => {
    if (!present.has(successor.key)) return [];
    const change = changed.get(successor.key);
    if (!change) return successor;
    const texts = [change.title, change.description].filter((t): t is LocalizedText => t !== undefined);
    return {
      ...successor,
      names: change.name ? [change.name, ...successor.names] : successor.names,
      texts: [...texts, ...successor.texts],
      headerRow: change.headerRow ?? successor.headerRow,
      columns: change.columns
        ? change.columns.map((entry) => formerColumn(spec, revision, successor, entry))
        : successor.columns,
    };
  });
}

/**
 * The layout of the table and form sheets of an earlier `version` of a template, each column
 * pointing at the current column that takes its values: the current spec with every revision
 * from the newest down to `version` applied, without the sheets that version did not have
 * (`absent`). For the current version it is the spec itself.
 *
 * @throws TemplateSpecError when the spec's history names a sheet or column that the next
 *   version does not have (a programmer error).
 * @example
 * resolveFormerLayout(costAllocationSpec, "0.1.0").sheets.find((s) => s.key === "towns")?.columns[7]?.target; // "isHost"
 */
export function resolveFormerLayout(spec: TemplateSpec, version: string): FormerLayout {
  let sheets = spec.sheets.flatMap((sheet) => currentSheet(sheet) ?? []);
  const present = new Set(spec.sheets.map((sheet) => sheet.key));
  const otherNames = new Map<string, readonly LocalizedText[]>(
    spec.sheets.flatMap((sheet) =>
      sheet.kind === "reference" || sheet.kind === "grid" ? [[sheet.key, [sheet.name]] as const] : [],
    ),
  );
  const revisions = [...(spec.history ?? [])]
    .filter((r) => compareVersions(r.version, version) >= 0 && compareVersions(r.version, spec.version) < 0)
    .sort((a, b) => compareVersions(b.version, a.version));
  for (const revision of revisions) sheets = applyRevision(spec, revision, sheets, present, otherNames);
  return { version, sheets, absent: spec.sheets.map((s) => s.key).filter((key) => !present.has(key)), otherNames };
}
