/**
 * Template „Arbeitsplatzprofil“ as the apps see it: spec, own checks, planner, the common options
 * it takes, and its analysis across towns. Listed in templates/registry.ts.
 */
import type { PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import type { TemplateModule } from "../TemplateModule.js";
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
  demo: { blank: false, towns: DEMO_TOWNS.map((town) => town.name), followUp: "analyse" },
  partnership: { label: { de: "Arbeitsplatz", en: "Workplace" } },
} as const satisfies TemplateModule;
