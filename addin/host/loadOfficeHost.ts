/**
 * Loads the Office.js host (addin/office, written separately) on first use: file mode and the
 * tests never load it, and the start-up bundle does not carry it.
 */
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { Connection } from "./connectHost.js";

/** @param language the language of the host's own progress texts */
export async function loadOfficeHost(language: Language): Promise<Connection> {
  const [features, errors, messages, hostModule] = await Promise.all([
    import(/* webpackChunkName: "office" */ "../office/features.js"),
    import(/* webpackChunkName: "office" */ "../office/officeErrors.js"),
    import(/* webpackChunkName: "office" */ "../office/officeMessages.js"),
    import(/* webpackChunkName: "office" */ "../office/OfficeWorkbookHost.js"),
  ]);
  if (!features.detectExcelFeatures().minimumForPane) {
    return { kind: "file", reason: "excelTooOld", hostName: `ExcelApi ${features.MINIMUM_EXCEL_API}` };
  }
  return {
    kind: "excel",
    host: await hostModule.OfficeWorkbookHost.connect({ language }),
    describeError: (error, language) =>
      error instanceof errors.OfficeHostError ? messages.renderOfficeMessage(error.messageKey, language, error.params) : undefined,
  };
}
