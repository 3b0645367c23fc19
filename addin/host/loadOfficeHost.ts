/**
 * Loads the Office.js host (OfficeWorkbookHost over adapters/office) on first use: file mode and the
 * tests never load it, and the start-up bundle does not carry it.
 */
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ExcelRun } from "./OfficeWorkbookHost.js";
import type { Connection } from "./connectHost.js";
import type { HostErrorDescriber } from "./describeError.js";

/**
 * Every batch of the pane waits while the user edits a cell instead of failing
 * (`Excel.RunOptions.delayForCellEdit`; hosts that do not know the option fail with
 * InvalidOperationInCellEditMode, which start-up tries again).
 */
export const runDelayingForCellEdit: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/**
 * One attempt to connect to Excel: the workbook's name in one batch.
 * @param language the language of the host's own progress texts
 * @param run `Excel.run` as the pane calls it; tests pass a fake
 */
export async function loadOfficeHost(language: Language, run: ExcelRun = runDelayingForCellEdit): Promise<Connection> {
  let modules;
  try {
    modules = await Promise.all([
      import(/* webpackChunkName: "office" */ "../../adapters/office/features.js"),
      import(/* webpackChunkName: "office" */ "../../adapters/office/officeErrors.js"),
      import(/* webpackChunkName: "office" */ "../../adapters/office/officeMessages.js"),
      import(/* webpackChunkName: "office" */ "./OfficeWorkbookHost.js"),
    ]);
  } catch (error) {
    // the office chunk did not arrive (network): webpack fetches it again on the next attempt
    return { kind: "unavailable", error, transient: true };
  }
  const [features, errors, messages, hostModule] = modules;
  if (!features.detectExcelFeatures().minimumForPane) {
    return { kind: "file", reason: "excelTooOld", hostName: `ExcelApi ${features.MINIMUM_EXCEL_API}` };
  }
  const describeError: HostErrorDescriber = (error, language) =>
    error instanceof errors.OfficeHostError
      ? messages.renderOfficeMessage(error.messageKey, language, error.params)
      : undefined;
  try {
    return { kind: "excel", host: await hostModule.OfficeWorkbookHost.connect({ language, run }), describeError };
  } catch (error) {
    const hostError = errors.toOfficeHostError(error);
    return {
      kind: "unavailable",
      error: hostError,
      transient: errors.isTransientOfficeError(hostError),
      describeError,
    };
  }
}
