/**
 * Template „PESTEL-Matrix“ as the apps see it: spec, own checks, planner, which common options it
 * takes, its analysis, its demo and its partnership label. Listed in templates/registry.ts.
 */
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import type { TemplateModule } from "../TemplateModule.js";
import { pestelAnalysis } from "./analysis.js";
import { checkPestel } from "./checks.js";
import { planPestel, planPestelUpgrade } from "./plan.js";
import { pestelSpec } from "./spec.js";

export const pestelModule = {
  spec: pestelSpec,
  check: checkPestel,
  plan: planPestel,
  takes: { town: true, products: false, towns: false, starter: true },
  analysis: pestelAnalysis,
  planUpgrade: planPestelUpgrade,
  demo: { blank: false, towns: DEMO_TOWNS.map((town) => town.name), followUp: "analyse" },
  partnership: { label: { de: "PESTEL", en: "PESTEL" } },
} as const satisfies TemplateModule;
