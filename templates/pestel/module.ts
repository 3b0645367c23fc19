/**
 * Template „PESTEL-Matrix“ as the apps see it: spec, own checks, planner, which common options it
 * takes, and its analysis. Wired into templates/registry.ts by hand.
 */
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
} as const;
