import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState, type ReactNode } from "react";
import { describeError, supportLine, type HostErrorDescriber } from "../host/describeError.js";
import { useLanguage } from "../useLanguage.js";

const useStyles = makeStyles({
  support: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  line: {
    flexGrow: 1,
    minWidth: "12rem",
  },
});

/**
 * Copies `text`: the Clipboard API where the host allows it, else the selected field and the
 * older `execCommand("copy")` (Office's web views may refuse the Clipboard API). False when
 * neither worked; the line is then selected for Ctrl+C.
 */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (permissions, no focus): fall back below
  }
  field?.focus();
  field?.select();
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  }
}

/**
 * An error of an action as a message bar; nothing when there is no error. Below the sentence,
 * the code and detail in one read-only line with a "Kopieren" button, for support requests.
 */
export function ErrorBar(props: {
  readonly error: unknown;
  readonly describe?: HostErrorDescriber | undefined;
}): ReactNode {
  const { language, t } = useLanguage();
  const styles = useStyles();
  const fieldId = useId();
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  useEffect(() => setCopied(undefined), [props.error]);
  if (props.error === undefined) return null;
  const line = supportLine(props.error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {describeError(props.error, language, props.describe)}
        {line !== undefined && (
          <div className={styles.support}>
            <Field label={t("supportDetailsLabel")} size="small" className={styles.line}>
              <Input
                id={fieldId}
                readOnly
                size="small"
                value={line}
                lang="en"
                onFocus={(event) => event.currentTarget.select()}
              />
            </Field>
            <Button
              size="small"
              aria-describedby={fieldId}
              onClick={() =>
                void copyText(line, document.getElementById(fieldId) as HTMLInputElement | null).then(setCopied)
              }
            >
              {t("copySupportDetails")}
            </Button>
            <Text role="status" size={200}>
              {copied === undefined ? "" : copied ? t("supportDetailsCopied") : t("supportDetailsCopyFailed")}
            </Text>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
