import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import {
  planPartnership,
  type PartnershipInput,
  type PartnershipSummary,
} from "../../templates/consolidation/planPartnership.js";
import type { PartnerFile } from "./importPartners.js";
import { readWorkbookFile, type SnapshotReader } from "./readWorkbookFile.js";

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
  const inputs: PartnershipInput[] = [];
  const details: (string | undefined)[] = [];
  for (const [index, file] of input.files.entries()) {
    await input.onProgress?.(index + 1, input.files.length, file.name);
    const { check } = await readWorkbookFile(file, input.readSnapshot, input.language);
    inputs.push({ file: file.name, report: check.report });
    const first = check.report.issues.find((issue) => issue.severity === "error");
    details.push(first && `${first.sheet && first.cell ? `${first.sheet}!${first.cell} – ` : ""}${first.message}`);
  }
  const { plan, summary } = planPartnership(inputs, input.language, {
    allowSimilarTowns: input.allowSimilarTowns ?? false,
  });
  return { plan, summary, details };
}
