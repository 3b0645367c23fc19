import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import {
  planPartnership,
  type PartnershipInput,
  type PartnershipSummary,
} from "../../templates/consolidation/planPartnership.js";
import { checkFiles } from "../../journeys/checkFileBatch.js";
import { pickedFiles, type PartnerFile, type SnapshotReader } from "./readWorkbookFile.js";

export interface PartnershipBuild {
  /** Undefined when no file could be taken: then nothing is offered. */
  readonly plan: WorkbookPlan | undefined;
  readonly summary: PartnershipSummary;
  /** Per source file (same order): the first finding that kept it out, when there is one. */
  readonly details: readonly (string | undefined)[];
}

export interface PartnershipBuildInput {
  readonly files: readonly PartnerFile[];
  readonly language: Language;
  readonly readSnapshot: SnapshotReader;
  /** The user confirmed that names found similar are different towns (see `PartnershipSummary.similarTowns`). */
  readonly allowSimilarTowns?: boolean;
  /** Called before each file: its number (1-based), the number of files and its name. */
  readonly onProgress?: (current: number, total: number, file: string) => void | Promise<void>;
}

/**
 * Reads and validates the picked files one after another and plans the partnership workbook
 * (Verbundmappe) of those that can be taken — what `ikz consolidate` does, for the pane. Names
 * that are probably one town keep the plan back unless `allowSimilarTowns` (as `--allow-similar-towns`).
 */
export async function buildPartnership(input: PartnershipBuildInput): Promise<PartnershipBuild> {
  const checked = await checkFiles(
    pickedFiles(input.files, input.readSnapshot, input.language),
    input.onProgress &&
      ((done: number, total: number, file: string) =>
        done < total ? input.onProgress?.(done + 1, total, file) : undefined),
  );
  const inputs: PartnershipInput[] = checked.map(({ file, checked: { check } }) => ({ file, report: check.report }));
  const details = inputs.map(({ report }) => {
    const first = report.issues.find((issue) => issue.severity === "error");
    return first && `${first.sheet && first.cell ? `${first.sheet}!${first.cell} – ` : ""}${first.message}`;
  });
  const { plan, summary } = planPartnership(inputs, input.language, {
    allowSimilarTowns: input.allowSimilarTowns ?? false,
  });
  return { plan, summary, details };
}
