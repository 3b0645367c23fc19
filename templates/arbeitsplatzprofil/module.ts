/**
 * Template „Arbeitsplatzprofil“ as the apps see it: spec, own checks, planner, the common options
 * it takes, and its analysis across towns. Wired into templates/registry.ts by the apps.
 */
import type { PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { workplaceProfileAnalysis } from "./analysis.js";
import { checkWorkplaceProfile } from "./checks.js";
import { planWorkplaceProfile, planWorkplaceProfileUpgrade } from "./plan.js";
import { workplaceProfileSpec } from "./spec.js";

export const workplaceProfileModule = {
  spec: workplaceProfileSpec,
  check: checkWorkplaceProfile,
  /** A town's own copy (`town`), a group workbook (`towns`, at most 8), the demo (`demo`), or blank. */
  plan: (options: {
    readonly language: Language;
    readonly town?: string;
    readonly demo?: boolean;
    readonly towns?: readonly string[];
  }): PlannedWorkbook => planWorkplaceProfile(options),
  takes: { town: true, products: false, towns: true },
  analysis: workplaceProfileAnalysis,
  /** `ikz upgrade` writes the planner's own cells (town names above the blocks) anew. */
  planUpgrade: planWorkplaceProfileUpgrade,
} as const;
