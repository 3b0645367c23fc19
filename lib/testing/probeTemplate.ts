/**
 * A small template with a history, for the unit tests of lib/upgrade: „Personen“ (people) and
 * „Angaben“ (settings), version 2.0.0, with two earlier versions:
 *
 * - 1.1.0: no e-mail column, the town last, the age labelled „Lebensalter“;
 * - 1.0.0: the sheet called „Leute“, the name column „Vollständiger Name“ (key `fullName`), the age
 *   before the town, a note column (input) and a doubled age (computed) that are gone now, and
 *   no „Angaben“ sheet.
 */
import type { CellValue, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import type { TemplateSpec } from "../spec/TemplateSpec.js";

export const probeSpec: TemplateSpec = {
  id: "probe",
  version: "2.0.0",
  history: [
    {
      version: "1.1.0",
      sheets: [
        {
          key: "people",
          columns: ["no", "name", { key: "age", label: { de: "Lebensalter", en: "Age in years" } }, "total", "town"],
        },
      ],
    },
    {
      version: "1.0.0",
      absent: ["settings"],
      sheets: [
        {
          key: "people",
          name: { de: "Leute", en: "Folks" },
          description: { de: "Alte Beschreibung.", en: "Old description." },
          columns: [
            "no",
            { key: "fullName", label: { de: "Vollständiger Name", en: "Full name" }, to: "name" },
            "age",
            "town",
            { key: "note", label: { de: "Notiz", en: "Note" }, retired: "input" },
            { key: "double", label: { de: "Doppelt", en: "Double" }, retired: "computed" },
          ],
        },
      ],
    },
  ],
  title: { de: "Probe", en: "Probe" },
  sheets: [
    {
      kind: "form",
      key: "settings",
      name: { de: "Angaben", en: "Details" },
      title: { de: "Angaben", en: "Details" },
      firstRow: 4,
      fields: [
        { key: "year", label: { de: "Jahr", en: "Year" }, type: "integer", kind: "input", width: 20 },
        {
          key: "unit",
          label: { de: "Stelle", en: "Unit" },
          type: "text",
          kind: "input",
          width: 20,
          hint: { de: "Name der Stelle", en: "Name of the unit" },
        },
        {
          key: "sum",
          label: { de: "Summe Alter", en: "Sum of ages" },
          type: "integer",
          kind: "computed",
          width: 20,
          formula: (ctx) => `SUM(${ctx.columnRange("age", "people")})`,
        },
      ],
    },
    {
      kind: "table",
      key: "people",
      name: { de: "Personen", en: "People" },
      title: { de: "Personen", en: "People" },
      description: { de: "Eine Zeile je Person.", en: "One row per person." },
      headerRow: 4,
      rowKey: "name",
      minRows: 1,
      spareRows: 2,
      columns: [
        {
          key: "no",
          label: { de: "Nr.", en: "No." },
          type: "integer",
          kind: "computed",
          width: 6,
          formula: () => "ROW()-4",
        },
        { key: "name", label: { de: "Name", en: "Name" }, type: "text", kind: "input", required: true, width: 20 },
        { key: "town", label: { de: "Ort", en: "Town" }, type: "text", kind: "input", width: 20 },
        { key: "age", label: { de: "Alter", en: "Age" }, type: "integer", kind: "input", width: 8 },
        { key: "email", label: { de: "E-Mail", en: "E-mail" }, type: "email", kind: "input", width: 20 },
        {
          key: "total",
          label: { de: "Doppeltes Alter", en: "Double age" },
          type: "integer",
          kind: "computed",
          width: 8,
          formula: (ctx) => `IF(${ctx.cell("age")}="","",${ctx.cell("age")}*2)`,
        },
      ],
    },
  ],
  lists: {},
};

/** A cell: a literal, or `{ f, v }` for a formula with its saved result. */
export type ProbeCell = CellValue | { readonly f: string; readonly v: CellValue };

/** A sheet from rows of cells by address-like row numbers (1-based; `undefined` = empty cell). */
export function probeSheet(
  name: string,
  rows: Readonly<Record<number, readonly (ProbeCell | undefined)[]>>,
  state: SheetSnapshot["state"] = "visible",
): SheetSnapshot {
  const out: (SnapshotCell | undefined)[][] = [];
  for (const [row, cells] of Object.entries(rows)) {
    out[Number(row)] = [
      undefined,
      ...cells.map((cell): SnapshotCell | undefined =>
        cell === undefined
          ? undefined
          : typeof cell === "object" && cell !== null && "f" in cell
            ? { value: cell.v, formula: cell.f }
            : { value: cell },
      ),
    ];
  }
  return { name, state, rows: out, merges: [] };
}

/** The hidden metadata sheet of a workbook. */
export function probeMetadata(templateId: string, version: string, language = "de"): SheetSnapshot {
  return probeSheet(
    "_ikz",
    { 1: ["templateId", templateId], 2: ["templateVersion", version], 3: ["language", language] },
    "hidden",
  );
}

/** A workbook of version 1.0.0, as a user left it (see the tests for what each cell tests). */
export function probeWorkbook100(extraSheets: readonly SheetSnapshot[] = []): WorkbookSnapshot {
  return {
    fileName: "probe.xlsx",
    sheets: [
      probeSheet("Leute", {
        1: ["Personen"],
        2: ["Alte Beschreibung.", undefined, undefined, "Stand März"],
        4: ["Nr.", "Vollständiger Name", "Alter (Jahre)", "Ort", "Notiz", "Doppelt", "Bemerkung"],
        5: [{ f: "ROW()-4", v: 1 }, "Anna", 34, "Aue", "mag Tee", { f: "C5*2", v: 68 }, "ok"],
        6: [{ f: "ROW()-4", v: 2 }],
        7: [{ f: "ROW()-4", v: 3 }, "Ben", { f: "30+1", v: 31 }, "Bockau", undefined, 999, { f: "C7/2", v: 15.5 }],
      }),
      ...extraSheets,
      probeSheet("Notizen", { 1: ["x"], 3: [undefined, { f: "1+1", v: 2 }] }),
      probeMetadata("probe", "1.0.0"),
    ],
  };
}
