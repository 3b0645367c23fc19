/**
 * Template „Aufgabenkatalog“ as the apps see it: spec, own checks, planner, which common options
 * it takes, its analysis (the pane shows it in sections of its own: priorities and roadmap), its
 * demo and its upgrade planner. Listed in templates/registry.ts.
 */
import type { TemplateModule } from "../TemplateModule.js";
import { catalogueAnalysis } from "./analysis.js";
import { checkTaskCatalogue } from "./checks.js";
import { DEMO_TOWNS } from "./demo.js";
import { planTaskCatalogue, planTaskCatalogueUpgrade } from "./plan.js";
import { taskCatalogueSpec } from "./spec.js";

export const taskCatalogueModule = {
  spec: taskCatalogueSpec,
  check: checkTaskCatalogue,
  plan: planTaskCatalogue,
  takes: { town: true, products: true, towns: false },
  analysis: catalogueAnalysis,
  ownPaneSection: true,
  planUpgrade: planTaskCatalogueUpgrade,
  demo: { blank: true, towns: DEMO_TOWNS.map((town) => town.name), followUp: "roadmap" },
  partnership: { label: { de: "Aufgaben", en: "Tasks" } },
} as const satisfies TemplateModule;

// What the journeys only this template has use, through this file.
export {
  computePriorities,
  extractTaskCatalogue,
  toRoadmapTown,
  type Priorities,
  type TaskCatalogue,
} from "./checks.js";
export { taskCatalogueSpec } from "./spec.js";
