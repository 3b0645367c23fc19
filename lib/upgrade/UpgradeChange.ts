import type { PlannedValue } from "../plan/WorkbookPlan.js";

/** Why a value went to the „Übernommen“ sheet instead of a cell of the template. */
export type CarriedOverReason =
  /** typed over a cell the template computes */
  | "computedTypedOver"
  /** its column no longer exists */
  | "retiredColumn"
  /** outside the template's tables and fields (e.g. a note above a table) */
  | "outsideTable"
  /** a formula without a saved result (kept as its text) */
  | "formulaWithoutResult";

/**
 * One thing `upgradeWorkbook` did, as data (rendered by lib/messages/upgradeTexts.ts). Sheets and
 * cells are named as in the workbook; column letters before (`from`) and after (`to`/`at`).
 */
export type UpgradeChange =
  | { readonly kind: "sheetAdded"; readonly sheet: string }
  | { readonly kind: "sheetRenamed"; readonly from: string; readonly sheet: string }
  /** A sheet the user had renamed, found by its column labels (a finding: the user should check it). */
  | { readonly kind: "sheetRecognised"; readonly from: string; readonly sheet: string }
  | {
      readonly kind: "columnMoved";
      readonly sheet: string;
      readonly column: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: "columnRenamed"; readonly sheet: string; readonly from: string; readonly column: string }
  | { readonly kind: "columnAdded"; readonly sheet: string; readonly column: string; readonly at: string }
  | {
      readonly kind: "computedColumnsRenewed";
      readonly sheet: string;
      readonly dropped: readonly string[];
      readonly renamed: readonly { readonly from: string; readonly to: string }[];
      readonly added: readonly string[];
    }
  | { readonly kind: "valuesCarried"; readonly sheet: string; readonly count: number }
  | {
      readonly kind: "extraColumnKept";
      readonly sheet: string;
      readonly header: string;
      readonly from: string;
      readonly to: string;
      readonly count: number;
      /** Cells that held a formula: kept as their value. */
      readonly formulas: number;
    }
  | { readonly kind: "userSheetKept"; readonly sheet: string; readonly count: number; readonly formulas: number }
  // findings — the user should look at these:
  | {
      readonly kind: "headerGuessed";
      readonly sheet: string;
      readonly cell: string;
      readonly found: string;
      readonly column: string;
    }
  | {
      readonly kind: "formulaReplaced";
      readonly sheet: string;
      readonly cell: string;
      readonly formula: string;
      readonly value: PlannedValue;
    }
  | {
      readonly kind: "valueCarriedOver";
      readonly sheet: string;
      readonly cell: string;
      readonly value: PlannedValue;
      readonly reason: CarriedOverReason;
      /** The column's header or the field's label, when there was one. */
      readonly column?: string;
      /** Where the value now is, e.g. `Übernommen!D5`. */
      readonly at: string;
    };

/**
 * Changes the user should look at: a sheet found by its labels, a column taken by its place, formulas replaced by their values
 * (in an input cell, a column or a sheet of the user's own), a value moved to „Übernommen“.
 */
export function isFinding(change: UpgradeChange): boolean {
  switch (change.kind) {
    case "sheetRecognised":
    case "headerGuessed":
    case "formulaReplaced":
    case "valueCarriedOver":
      return true;
    case "extraColumnKept":
    case "userSheetKept":
      return change.formulas > 0;
    default:
      return false;
  }
}
