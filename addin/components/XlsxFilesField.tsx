import { Field } from "@fluentui/react-components";
import type { ReactNode, Ref } from "react";
import { useLanguage } from "../useLanguage.js";
import { usePageStyles } from "./pageStyles.js";

/** What the file pickers accept: Excel workbooks (.xlsx). */
export const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A labelled picker for several .xlsx files (partner towns, the partnership's sources), with the
 * number chosen as its hint and, when set, a message that files are missing.
 */
export function XlsxFilesField(props: {
  readonly label: string;
  readonly files: readonly File[];
  readonly onFiles: (files: File[]) => void;
  readonly disabled: boolean;
  /** Shown as the field's error while no file is chosen. */
  readonly missingMessage?: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement>;
}): ReactNode {
  const { t } = useLanguage();
  const styles = usePageStyles();
  const missing = props.missingMessage !== undefined && props.files.length === 0;
  return (
    <Field
      label={props.label}
      {...(missing ? { validationState: "error" as const, validationMessage: props.missingMessage } : {})}
      {...(props.files.length > 0 ? { hint: t("partnersSelected", { count: props.files.length }) } : {})}
    >
      {(fieldProps) => (
        <input
          {...fieldProps}
          {...(props.inputRef === undefined ? {} : { ref: props.inputRef })}
          type="file"
          multiple
          accept={XLSX_ACCEPT}
          className={styles.fileInput}
          disabled={props.disabled}
          onChange={(event) => props.onFiles(Array.from(event.currentTarget.files ?? []))}
        />
      )}
    </Field>
  );
}
