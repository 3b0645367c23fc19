import { useCallback, useEffect, useState } from "react";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { findSheetConflicts, type SheetConflict } from "../actions/findSheetConflicts.js";
import { createDownload, revokeDownload, templateFileName, type Download } from "../file/download.js";
import { loadXlsxTools } from "../file/loadXlsxTools.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";
import { useReplaceConfirmation } from "./useReplaceConfirmation.js";

/** What delivering a plan did. */
export type DeliveryOutcome =
  /** Inserted into the open workbook: its visible sheets, as planned. */
  | { readonly kind: "inserted"; readonly sheets: readonly string[] }
  /** Written as a new file, offered for download. */
  | { readonly kind: "file"; readonly download: Download }
  /** Sheets of the plan existed and the user chose not to replace them: nothing was written. */
  | { readonly kind: "cancelled" };

export interface DeliveryTarget {
  /** The open workbook to insert into; undefined (or a file you cannot insert into): a file to download. */
  readonly host: WorkbookHost | undefined;
  /** The download's file name; default: the template's (`templateFileName`). */
  readonly fileName?: string;
}

export interface InsertOrDownload {
  /** What the last delivery did; undefined before one, while one runs, and after `reset`. */
  readonly outcome: DeliveryOutcome | undefined;
  /** The sheets asked about while the „Blätter ersetzen?“ dialog is open (ReplaceSheetsDialog). */
  readonly conflict: SheetConflict | undefined;
  /** The user's answer in that dialog. */
  readonly answer: (replace: boolean) => void;
  /**
   * Inserts the plan into the target's workbook, asking first when any of its sheets exist, or —
   * without a workbook — writes it as a file and offers the download. Resolves with the outcome
   * (also kept in `outcome`); host failures are thrown, for the page's action to show.
   */
  readonly deliver: (plan: WorkbookPlan, target: DeliveryTarget) => Promise<DeliveryOutcome>;
  readonly reset: () => void;
}

/**
 * One journey of every page that makes a workbook: insert it into the open workbook or offer it
 * as a download, and ask before replacing sheets. An offered download is released when it is
 * replaced or the page goes.
 */
export function useInsertOrDownload(): InsertOrDownload {
  const confirmation = useReplaceConfirmation();
  const [outcome, setOutcome] = useState<DeliveryOutcome | undefined>(undefined);
  useEffect(() => () => revokeDownload(outcome?.kind === "file" ? outcome.download : undefined), [outcome]);
  const { ask } = confirmation;
  const deliver = useCallback(
    async (plan: WorkbookPlan, target: DeliveryTarget): Promise<DeliveryOutcome> => {
      setOutcome(undefined);
      const done = (result: DeliveryOutcome): DeliveryOutcome => {
        setOutcome(result);
        return result;
      };
      const { host } = target;
      if (!host) {
        const tools = await loadXlsxTools();
        return done({
          kind: "file",
          download: createDownload(
            await tools.writePlanToBytes(plan),
            target.fileName ?? templateFileName(plan.templateId, ""),
          ),
        });
      }
      const conflict = await findSheetConflicts(host, plan);
      const replace = conflict.existing.length > 0 && (await ask(conflict));
      if (conflict.existing.length > 0 && !replace) return done({ kind: "cancelled" });
      await host.insertPlan(plan, { replace });
      return done({ kind: "inserted", sheets: plan.sheets.filter((s) => s.state === "visible").map((s) => s.name) });
    },
    [ask],
  );
  const reset = useCallback(() => setOutcome(undefined), []);
  return { outcome, conflict: confirmation.conflict, answer: confirmation.answer, deliver, reset };
}
