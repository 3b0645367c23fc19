import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { SheetConflict } from "../actions/findSheetConflicts.js";
import { useLanguage } from "../useLanguage.js";

/**
 * Asks before sheets are replaced, naming each and whether it holds data. "Abbrechen" comes
 * first and gets the focus: the safe answer is the default one.
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
