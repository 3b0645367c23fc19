/**
 * The templates every app offers, in this order: a plain list of the template modules. Apps take
 * it as a default (CliContext.templates, the pane's TemplatesContext), so a test can pass a longer
 * list; a new template adds its module.ts here and touches nothing else.
 */
import { workplaceProfileModule } from "./arbeitsplatzprofil/module.js";
import { taskCatalogueModule } from "./aufgabenkatalog/module.js";
import { serviceCatalogueModule } from "./it-servicekatalog/module.js";
import { costAllocationModule } from "./kostenverteilung/module.js";
import { pestelModule } from "./pestel/module.js";
import type { TemplateModule } from "./TemplateModule.js";

export type { TemplateModule, TemplatePlanOptions } from "./TemplateModule.js";

export const TEMPLATES: readonly TemplateModule[] = [
  taskCatalogueModule,
  costAllocationModule,
  serviceCatalogueModule,
  workplaceProfileModule,
  pestelModule,
];

/** The template with this id in `templates` (by default the registry's), or undefined. */
export function findTemplate(id: string, templates: readonly TemplateModule[] = TEMPLATES): TemplateModule | undefined {
  return templates.find((t) => t.spec.id === id);
}
