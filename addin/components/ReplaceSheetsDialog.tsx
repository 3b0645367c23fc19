import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { SheetConflict } from "../actions/findSheetConflicts.js";
import { useLanguage } from "../useLanguage.js";

/**
 * Asks before sheets are replaced, naming each and whether it holds data, and the other sheets
 * whose formulas refer to them (they will show #REF!). "Abbrechen" comes first and gets the
 * focus: the safe answer is the default one.
 */
export function ReplaceSheetsDialog(props: {
  readonly conflict: SheetConflict | undefined;
  readonly onAnswer: (replace: boolean) => void;
}): ReactNode {
  const { t } = useLanguage();
  const { conflict, onAnswer } = props;
  return (
    <Dialog
      open={conflict !== undefined}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("replaceTitle")}</DialogTitle>
          <DialogContent>
            <p>{t("replaceIntro")}</p>
            <ul>
              {conflict?.existing.map((name) => (
                <li key={name}>
                  <strong>{name}</strong> – {conflict.nonEmpty.includes(name) ? t("replaceHasData") : t("replaceEmpty")}
                </li>
              ))}
            </ul>
            {conflict !== undefined && conflict.referring.length > 0 ? (
              <>
                <p>{t("replaceReferencesIntro")}</p>
                <ul>
                  {conflict.referring.map((other) => (
                    <li key={other.sheet}>
                      <strong>{other.sheet}</strong> –{" "}
                      {t("replaceReferringSheet", {
                        count: other.cells,
                        cell: other.firstCell,
                        list: other.refersTo.join(", "),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {conflict !== undefined && conflict.unchecked.length > 0 ? (
              <p>{t("replaceUnchecked", { list: conflict.unchecked.join(", ") })}</p>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {t("cancel")}
            </Button>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t("replaceConfirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
