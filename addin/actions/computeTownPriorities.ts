import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import {
  computePriorities,
  extractTaskCatalogue,
  taskCatalogueSpec,
  type Priorities,
  type TaskCatalogue,
} from "../../templates/aufgabenkatalog/module.js";
import { checkWorkbook, type WorkbookCheck } from "../../journeys/checkWorkbook.js";

export type CatalogueResult =
  | {
      readonly kind: "ok";
      readonly catalogue: TaskCatalogue;
      readonly templateVersion: string;
      readonly check: WorkbookCheck;
    }
  /** Not a task catalogue, or one with errors: nothing is computed (the numbers would mislead). */
  | { readonly kind: "notComputable"; readonly check: WorkbookCheck };

/** Validates a snapshot as a task catalogue and, when it has no errors, reads it. */
export function readTaskCatalogue(snapshot: WorkbookSnapshot, language: Language): CatalogueResult {
  const check = checkWorkbook(snapshot, language, { prefer: taskCatalogueSpec.id });
  const { report } = check;
  if (check.template?.spec.id !== taskCatalogueSpec.id || !report.valid || !report.workbook)
    return { kind: "notComputable", check };
  return {
    kind: "ok",
    catalogue: extractTaskCatalogue(report.workbook),
    templateVersion: report.workbook.metadata.templateVersion ?? "?",
    check,
  };
}

export type PrioritiesResult =
  | { readonly kind: "ok"; readonly priorities: Priorities }
  | { readonly kind: "notComputable"; readonly check: WorkbookCheck };

/** Scores, ranks and classes of the open workbook's tasks, ordered by rank then code. */
export function computeTownPriorities(snapshot: WorkbookSnapshot, language: Language): PrioritiesResult {
  const read = readTaskCatalogue(snapshot, language);
  if (read.kind !== "ok") return read;
  const priorities = computePriorities(read.catalogue);
  const tasks = [...priorities.tasks].sort(
    (a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { kind: "ok", priorities: { town: priorities.town, tasks } };
}
