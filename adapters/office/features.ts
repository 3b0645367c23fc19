/**
 * What the Excel host can do, by requirement set (never by version or platform name).
 *
 * The pane needs ExcelApi 1.7 at least ({@link MINIMUM_EXCEL_API}): sheets, 2D values, formulas
 * and number formats (1.1), cell formats and protection (1.2), `getUsedRangeOrNullObject` and
 * `getItemOrNullObject` (1.4), frozen panes and the workbook's name (1.7). Office 2016 MSI
 * (ExcelApi 1.1 only) falls below it; it also runs add-ins in IE11, see {@link isTridentHost}.
 * Everything newer is optional: the writer leaves it out and says so in its result, the file
 * written by the exceljs adapter has it all.
 *
 * | feature                 | requirement set | without it                                   |
 * |-------------------------|-----------------|----------------------------------------------|
 * | conditionalFormats      | ExcelApi 1.6    | no A/B/C highlights                          |
 * | suspendCalculation      | ExcelApi 1.6    | Excel recalculates while the batch runs      |
 * | dataValidation          | ExcelApi 1.8    | no drop-downs or input checks in the sheet   |
 * | suspendScreenUpdating   | ExcelApi 1.9    | the screen redraws while writing             |
 * | copyFormulas            | ExcelApi 1.9    | each formula is sent: more syncs for big plans |
 * | autoFilter              | ExcelApi 1.9    | no filter buttons on the header row          |
 * | pageLayout              | ExcelApi 1.9    | default print settings                       |
 * | fillPattern             | ExcelApi 1.9    | marks restore "no fill" by guess (white = none) |
 * | mergedAreas             | ExcelApi 1.13   | the snapshot reports no merged cells         |
 */

/** Requirement set and version of each optional feature. */
export const FEATURE_REQUIREMENTS = {
  minimumForPane: ["ExcelApi", "1.7"],
  conditionalFormats: ["ExcelApi", "1.6"],
  suspendCalculation: ["ExcelApi", "1.6"],
  dataValidation: ["ExcelApi", "1.8"],
  suspendScreenUpdating: ["ExcelApi", "1.9"],
  copyFormulas: ["ExcelApi", "1.9"],
  autoFilter: ["ExcelApi", "1.9"],
  pageLayout: ["ExcelApi", "1.9"],
  fillPattern: ["ExcelApi", "1.9"],
  mergedAreas: ["ExcelApi", "1.13"],
} as const satisfies Record<string, readonly [string, string]>;

export type ExcelFeature = keyof typeof FEATURE_REQUIREMENTS;

/** Optional features (all but the minimum), in the order of {@link FEATURE_REQUIREMENTS}. */
export type OptionalExcelFeature = Exclude<ExcelFeature, "minimumForPane">;

export type ExcelFeatures = Readonly<Record<ExcelFeature, boolean>>;

/** The minimum requirement set the task pane needs (see the module comment). */
export const MINIMUM_EXCEL_API = FEATURE_REQUIREMENTS.minimumForPane[1];

/** `Office.context.requirements.isSetSupported`, or a stand-in for tests. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Every feature on: Microsoft 365 and Excel on the web today. */
export const ALL_EXCEL_FEATURES: ExcelFeatures = featuresWhere(() => true);

/** Only the minimum: Excel 2019 volume licence and similar (ExcelApi 1.7). */
export const MINIMUM_EXCEL_FEATURES: ExcelFeatures = featuresWhere((feature) => feature === "minimumForPane");

function featuresWhere(test: (feature: ExcelFeature) => boolean): ExcelFeatures {
  const entries = (Object.keys(FEATURE_REQUIREMENTS) as ExcelFeature[]).map(
    (feature) => [feature, test(feature)] as const,
  );
  return Object.fromEntries(entries) as Record<ExcelFeature, boolean>;
}

interface OfficeRequirementsGlobal {
  readonly Office?: { readonly context?: { readonly requirements?: { isSetSupported: IsSetSupported } } };
}

/**
 * `Office.context.requirements.isSetSupported` when office.js is loaded and initialised, else a
 * function that supports nothing (plain browser, office.js blocked, tests).
 */
export function officeIsSetSupported(): IsSetSupported {
  // read through globalThis: office.js may be missing, and the global's typings may be absent
  const requirements = (globalThis as OfficeRequirementsGlobal).Office?.context?.requirements;
  if (requirements === undefined) return () => false;
  return (name, minVersion) => requirements.isSetSupported(name, minVersion);
}

/**
 * Which features the host supports.
 * @example
 * const features = detectExcelFeatures();
 * if (!features.minimumForPane) showFilesOnlyPage();
 */
export function detectExcelFeatures(isSetSupported: IsSetSupported = officeIsSetSupported()): ExcelFeatures {
  return featuresWhere((feature) => {
    const [name, version] = FEATURE_REQUIREMENTS[feature];
    try {
      return isSetSupported(name, version) === true;
    } catch {
      return false;
    }
  });
}

/** The optional features a host lacks, for a note in the pane ("without drop-downs …"). */
export function missingFeatures(features: ExcelFeatures): OptionalExcelFeature[] {
  return (Object.keys(FEATURE_REQUIREMENTS) as ExcelFeature[]).filter(
    (feature): feature is OptionalExcelFeature => feature !== "minimumForPane" && !features[feature],
  );
}

/**
 * Whether the add-in runs in Internet Explorer 11's engine (Trident): Office 2016/2019 volume
 * editions on Windows. Fluent UI 9 and this bundle (ES2022) cannot run there; the page must show
 * a plain note that the templates work as files. Since the bundle itself cannot run in IE11,
 * the page needs this same test inline, in ES5 (`/Trident\/|MSIE /.test(navigator.userAgent)`).
 *
 * @example isTridentHost(navigator.userAgent)
 */
export function isTridentHost(userAgent: string): boolean {
  return /\bTrident\/\d|\bMSIE \d/.test(userAgent);
}
