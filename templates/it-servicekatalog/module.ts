/**
 * Template „IT-Servicekatalog“ as the apps see it: spec, own checks, planner, which common
 * options it takes, and its group analysis. Listed in templates/registry.ts.
 */
import type { TemplateModule, TemplatePlanOptions } from "../TemplateModule.js";
import { serviceCatalogueAnalysis } from "./analysis.js";
import { planServiceCatalogue, planServiceCatalogueUpgrade, today } from "./plan.js";
import { checkServiceCatalogue } from "./checks.js";
import { DEMO_TOWNS } from "./demo.js";
import { serviceCatalogueSpec } from "./spec.js";

export const serviceCatalogueModule = {
  spec: serviceCatalogueSpec,
  check: checkServiceCatalogue,
  /** The reference date is the day of generation, written as a value (users may change it). */
  plan: (options: TemplatePlanOptions) =>
    planServiceCatalogue({
      language: options.language,
      ...(options.town === undefined ? {} : { town: options.town }),
      ...(options.demo === undefined ? {} : { demo: options.demo }),
      ...(options.products === undefined ? {} : { products: options.products }),
      referenceDate: today(),
    }),
  takes: { town: true, products: true, towns: false },
  analysis: serviceCatalogueAnalysis,
  /** `ikz upgrade` places the self-checks too (sheetChecks.ts). */
  planUpgrade: planServiceCatalogueUpgrade,
  demo: { blank: false, towns: DEMO_TOWNS.map((town) => town.name), followUp: "analyse" },
  partnership: { label: { de: "IT", en: "IT" } },
} as const satisfies TemplateModule;
