import { columnLetter } from "../cells/address.js";
import { FORM_VALUE_COLUMN, resolveLayout } from "../plan/resolveLayout.js";
import type { ColumnKind, ColumnType, Language, TemplateSpec } from "./TemplateSpec.js";

export interface ColumnDescription {
  readonly key: string;
  readonly label: string;
  /** Column letter, e.g. `E`. */
  readonly column: string;
  readonly kind: ColumnKind;
  readonly type: ColumnType;
  /** For form fields: the row of the field. */
  readonly row?: number;
}

export interface SheetDescription {
  readonly key: string;
  readonly name: string;
  readonly kind: "table" | "form" | "reference" | "grid";
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly columns: readonly ColumnDescription[];
}

export interface TemplateDescription {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly sheets: readonly SheetDescription[];
}

/** The layout of a template as data: what `ikz describe --json` prints. */
export function describeTemplate(spec: TemplateSpec, language: Language): TemplateDescription {
  const layout = resolveLayout(spec, language);
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title[language],
    sheets: spec.sheets.map((sheet) => {
      const place = layout.sheets.get(sheet.key);
      const headerRow = place?.headerRow ?? 0;
      const firstDataRow = place?.firstDataRow ?? 0;
      const base = { key: sheet.key, name: sheet.name[language], kind: sheet.kind, headerRow, firstDataRow };
      switch (sheet.kind) {
        case "table":
          return {
            ...base,
            columns: sheet.columns.map((c, i) => ({
              key: c.key,
              label: c.label[language],
              column: columnLetter(i + 1),
              kind: c.kind,
              type: c.type,
            })),
          };
        case "form":
          return {
            ...base,
            columns: sheet.fields.map((f, i) => ({
              key: f.key,
              label: f.label[language],
              column: columnLetter(FORM_VALUE_COLUMN),
              kind: f.kind,
              type: f.type,
              row: sheet.firstRow + i,
            })),
          };
        case "grid":
          return { ...base, columns: [] };
        case "reference":
          return {
            ...base,
            columns: sheet.columns.map((c, i) => ({
              key: c.key,
              label: c.label[language],
              column: columnLetter(i + 1),
              kind: "input" as const,
              type: "text" as const,
            })),
          };
      }
    }),
  };
}
