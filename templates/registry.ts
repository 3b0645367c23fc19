import type { PlannedWorkbook } from "../lib/plan/planWorkbook.js";
import { normaliseTownName } from "../lib/towns/townNames.js";
import type { Language, LocalizedText, TemplateSpec } from "../lib/spec/TemplateSpec.js";
import type { UpgradePlanner } from "../lib/upgrade/upgradeWorkbook.js";
import type { TemplateCheck } from "../lib/validation/validateWorkbook.js";
import type { TemplateAnalysis } from "./analysis.js";
import { pestelModule } from "./pestel/module.js";
import { workplaceProfileModule } from "./arbeitsplatzprofil/module.js";
import { serviceCatalogueModule } from "./it-servicekatalog/module.js";
import { catalogueAnalysis } from "./aufgabenkatalog/analysis.js";
import { planTaskCatalogue, planTaskCatalogueUpgrade } from "./aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "./aufgabenkatalog/spec.js";
import { checkTaskCatalogue } from "./aufgabenkatalog/checks.js";
import { checkCostAllocation } from "./kostenverteilung/checks.js";
import { costModelForTowns } from "./kostenverteilung/partnerTowns.js";
import { planCostAllocationUpgrade } from "./kostenverteilung/planCostAllocationUpgrade.js";
import { DEMO_SETTINGS, planCostAllocation, planCostAllocationTemplate } from "./kostenverteilung/plan.js";
import { costAllocationSpec } from "./kostenverteilung/spec.js";
import type { ProductSelection } from "./reference/productFramework.js";

/** Options every template's planner takes. */
export interface TemplatePlanOptions {
  readonly language: Language;
  readonly town?: string;
  readonly demo?: boolean;
  readonly products?: readonly { readonly code: string; readonly name: string }[];
  /**
   * Which framework products pre-fill the rows when no `products` are given (templates that take
   * products): the typical ones of a kreisangehörige Gemeinde (default) or all.
   */
  readonly productSelection?: ProductSelection;
  /** Partner towns to pre-fill (trimmed, unique; see `parseTownList`), for templates that take them. */
  readonly towns?: readonly string[];
  /** Pre-fill starter themes drawn from the guideline, not yet rated (templates with `takes.starter`; not with `demo`). */
  readonly starter?: boolean;
  /** Prepared rows at least (cost model: towns and cost items; see `checkRowCounts`), for templates that take them. */
  readonly rows?: { readonly towns?: number; readonly items?: number };
}

/** A template as the apps see it: its spec, its own checks, its planner. */
export interface TemplateModule {
  readonly spec: TemplateSpec;
  readonly check: TemplateCheck;
  readonly plan: (options: TemplatePlanOptions) => PlannedWorkbook;
  /** Which of the common options the planner uses (the pane shows only those). */
  readonly takes: {
    readonly town: boolean;
    readonly products: boolean;
    readonly towns: boolean;
    /** Prepared rows on request (`--town-rows`, `--item-rows`). */
    readonly rows?: boolean;
    /** Starter themes on request (`--starter`). */
    readonly starter?: boolean;
  };
  /** What `ikz analyse` and the pane's analysis do with workbooks of this template. */
  readonly analysis?: TemplateAnalysis;
  /** For templates analysed by a command of their own: which one. */
  readonly analysisHint?: LocalizedText;
  /** Plans an upgraded workbook when the template's planner adds rows of its own (default: planWorkbook). */
  readonly planUpgrade?: UpgradePlanner;
}

export const TEMPLATES: readonly TemplateModule[] = [
  {
    spec: taskCatalogueSpec,
    check: checkTaskCatalogue,
    plan: planTaskCatalogue,
    takes: { town: true, products: true, towns: false },
    analysis: catalogueAnalysis,
    planUpgrade: planTaskCatalogueUpgrade,
  },
  {
    spec: costAllocationSpec,
    check: checkCostAllocation,
    // `town` is the host town (Sitzgemeinde): listed first and marked, before the other `towns`
    plan: (options) => {
      const towns = [
        ...(options.town === undefined ? [] : [options.town]),
        ...(options.towns ?? []).filter(
          (name) => options.town === undefined || normaliseTownName(name) !== normaliseTownName(options.town),
        ),
      ];
      if (towns.length === 0) return planCostAllocationTemplate(options);
      const model = costModelForTowns(towns, { demo: options.demo === true });
      const host = options.town;
      return planCostAllocation({
        language: options.language,
        ...(options.rows === undefined ? {} : { rows: options.rows }),
        // the demo's joint unit, year and dates go with the demo items, whatever the towns
        ...(options.demo === true ? { settings: DEMO_SETTINGS } : {}),
        model:
          host === undefined
            ? model
            : { ...model, towns: model.towns.map((town, index) => ({ ...town, isHost: index === 0 })) },
      });
    },
    takes: { town: true, products: false, towns: true, rows: true },
    analysisHint: { de: "ikz allocate DATEI", en: "ikz allocate FILE" },
    planUpgrade: planCostAllocationUpgrade,
  },
  serviceCatalogueModule,
  workplaceProfileModule,
  pestelModule,
];

/** The template with this id, or undefined. */
export function findTemplate(id: string): TemplateModule | undefined {
  return TEMPLATES.find((t) => t.spec.id === id);
}
