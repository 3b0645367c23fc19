/**
 * `insertPlan` was asked to write sheets that already exist without `replace: true`. The pane
 * asks the user before it ever gets here; the error guards against a caller that forgot to.
 */
export class SheetExistsError extends Error {
  override readonly name = "SheetExistsError";

  constructor(readonly sheets: readonly string[]) {
    super(`these sheets exist already and replace was not confirmed: ${sheets.join(", ")}`);
  }
}
