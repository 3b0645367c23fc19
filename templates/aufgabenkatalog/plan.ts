import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { DEFAULT_PRODUCT_SELECTION, selectedProducts, type ProductSelection } from "../reference/productFramework.js";
import { DEMO_TOWNS, demoCatalogue, demoTaskRows } from "./demo.js";
import { withTaskCatalogueChecks } from "./sheetChecks.js";
import { SHEET, taskCatalogueSpec } from "./spec.js";

export interface TaskCatalogueOptions {
  readonly language: Language;
  /** Name of the town, written on the town sheet. */
  readonly town?: string;
  /** The town's own product list; default: the framework's products of `productSelection`. */
  readonly products?: readonly { readonly code: string; readonly name: string }[];
  /**
   * Without `products`: which framework products pre-fill the rows — the typical products of a
   * kreisangehörige Gemeinde (default) or all (see `ProductSelection`).
   */
  readonly productSelection?: ProductSelection;
  /** Fill illustrative figures so the workbook shows results at once. */
  readonly demo?: boolean;
}

/** Plans a task catalogue workbook, pre-filled with products (and demo figures on request). */
export function planTaskCatalogue(options: TaskCatalogueOptions): PlannedWorkbook {
  const products =
    options.products ??
    selectedProducts(options.productSelection ?? DEFAULT_PRODUCT_SELECTION).map((p) => ({
      code: p.code,
      name: p.name,
    }));
  const demoTown = DEMO_TOWNS.find((t) => t.name === options.town);
  const town = options.town ?? (options.demo ? DEMO_TOWNS[0].name : undefined);
  const population = demoTown?.population ?? (options.demo ? DEMO_TOWNS[0].population : undefined);
  // the demo: the town's own list gets invented figures; else the demo's own tasks of a small Gemeinde
  const rows: RowValues[] = options.demo
    ? options.products
      ? demoTaskRows(town ?? "", population ?? 4000, products, options.language)
      : demoCatalogue(town ?? "", population ?? 4000, options.language)
    : products.map((p) => ({ code: p.code, name: p.name }));
  const townValues: RowValues = {
    ...(town === undefined ? {} : { name: town }),
    ...(options.demo && population !== undefined
      ? { population, referenceDate: new Date(Date.UTC(2025, 11, 31)) }
      : {}),
  };
  return withTaskCatalogueChecks(
    planWorkbook(taskCatalogueSpec, {
      language: options.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.tasks]: rows },
      formValues: { [SHEET.town]: townValues },
    }),
  );
}

/** The planner of `ikz upgrade`: the current layout with the old workbook's values, and the self-checks. */
export function planTaskCatalogueUpgrade(values: UpgradeValues): PlannedWorkbook {
  return withTaskCatalogueChecks(
    planWorkbook(taskCatalogueSpec, {
      language: values.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: values.tableRows,
      formValues: values.formValues,
    }),
  );
}
