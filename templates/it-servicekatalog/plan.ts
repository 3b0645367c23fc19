import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { DEMO_TOWNS, demoServiceRows } from "./demo.js";
import { withServiceCatalogueChecks } from "./sheetChecks.js";
import { SHEET, serviceCatalogueSpec, serviceCatalogueSpecWithProducts } from "./spec.js";

export interface ServiceCataloguePlanOptions {
  readonly language: Language;
  /** Name of the town, written on the town sheet. */
  readonly town?: string;
  /** The town's own product list for the „Produktrahmen“ sheet; default: the framework. */
  readonly products?: readonly { readonly code: string; readonly name: string }[];
  /** Fill an invented software landscape so the workbook shows results at once. */
  readonly demo?: boolean;
  /**
   * The reference date written (as a value) on the town sheet; months to contract end count
   * from it. Callers pass the day of generation; the demo's contracts are placed relative to it.
   */
  readonly referenceDate: Date;
}

/** Plans an IT service catalogue workbook: blank, or with a town's demo services. */
export function planServiceCatalogue(options: ServiceCataloguePlanOptions): PlannedWorkbook {
  const town = options.town ?? (options.demo ? DEMO_TOWNS[0].name : undefined);
  const rows: RowValues[] = options.demo ? demoServiceRows(town ?? "", options.referenceDate, options.language) : [];
  const spec = options.products ? serviceCatalogueSpecWithProducts(options.products) : serviceCatalogueSpec;
  return withServiceCatalogueChecks(
    planWorkbook(spec, {
      language: options.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.services]: rows },
      formValues: {
        [SHEET.town]: { ...(town === undefined ? {} : { name: town }), referenceDate: options.referenceDate },
      },
    }),
  );
}

/** The planner of `ikz upgrade`: the current layout with the old workbook's values, and the self-checks. */
export function planServiceCatalogueUpgrade(values: UpgradeValues): PlannedWorkbook {
  return withServiceCatalogueChecks(
    planWorkbook(serviceCatalogueSpec, {
      language: values.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: values.tableRows,
      formValues: values.formValues,
    }),
  );
}

/** Today as a calendar day (the local date, at UTC midnight, as spreadsheet dates are read). */
export function today(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
