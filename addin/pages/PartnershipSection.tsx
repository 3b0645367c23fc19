/**
 * „Verbundmappe“ on the Auswerten page: the workbooks of several towns, any mix of the
 * templates, read and validated one after another, combined into the partnership workbook and
 * offered as a download (in Excel too: the open workbook is not changed).
 */
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { findTemplate } from "../../templates/registry.js";
import { buildPartnership, type PartnershipBuild } from "../actions/buildPartnership.js";
import { DownloadLink } from "../components/DownloadLink.js";
import { ErrorBar } from "../components/ErrorBar.js";
import { XlsxFilesField } from "../components/XlsxFilesField.js";
import { usePageStyles } from "../components/pageStyles.js";
import { useInsertOrDownload } from "../components/useInsertOrDownload.js";
import { loadXlsxTools } from "../file/loadXlsxTools.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import { useAction } from "../useAction.js";
import { useLanguage } from "../useLanguage.js";

/** What a file input for workbooks accepts. */

/** Lets React render (and screen readers hear) a progress step before the next file is read. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const useStyles = makeStyles({
  /** Cells wrap between words (file names at their hyphens), hyphenated where the language allows. */
  words: { overflowWrap: "break-word", hyphens: "auto" },
  /** Columns as wide as their content needs (the fixed layout cuts town names at pane width). */
  table: { tableLayout: "auto" },
  /** The file name, and its template below it in smaller type. */
  fileCell: { display: "flex", flexDirection: "column", paddingBlock: "2px" },
});

export interface PartnershipSectionProps {
  readonly describeError?: HostErrorDescriber | undefined;
}

export function PartnershipSection(props: PartnershipSectionProps): ReactNode {
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const own = useStyles();
  const ids = { heading: useId(), caption: useId() };
  const action = useAction();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [missingFiles, setMissingFiles] = useState(false);
  const [progress, setProgress] = useState<{ value: number; label: string } | undefined>(undefined);
  const [built, setBuilt] = useState<PartnershipBuild | undefined>(undefined);
  /** The user's word that the names found similar are different towns (asked once they were found). */
  const [allowSimilar, setAllowSimilar] = useState(false);
  const delivery = useInsertOrDownload();
  const download = delivery.outcome?.kind === "file" ? delivery.outcome.download : undefined;
  const resultRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // the download link takes the focus itself; otherwise the result does
    if (built && !download) resultRef.current?.focus();
  }, [built, download]);

  const create = (): Promise<void> => {
    if (files.length === 0) {
      setMissingFiles(true);
      fileInput.current?.focus();
      return Promise.resolve();
    }
    return action.run(async () => {
      setBuilt(undefined);
      delivery.reset();
      try {
        const tools = await loadXlsxTools();
        const result = await buildPartnership({
          files: files.map((file) => ({
            name: file.name,
            bytes: async () => new Uint8Array(await file.arrayBuffer()),
          })),
          language,
          allowSimilarTowns: allowSimilar,
          readSnapshot: (bytes, name) => tools.readSnapshotInBrowser(bytes, name),
          onProgress: async (current, total, file) => {
            setProgress({ value: (current - 1) / total, label: t("partnershipProgress", { current, total, file }) });
            await nextTask();
          },
        });
        if (result.plan) {
          setProgress({ value: 1, label: t("partnershipWriting") });
          await delivery.deliver(result.plan, {
            host: undefined,
            fileName: language === "de" ? "verbundmappe.xlsx" : "partnership.xlsx",
          });
        }
        setBuilt(result);
      } finally {
        setProgress(undefined);
      }
    });
  };

  const taken = built?.summary.sources.filter((source) => source.taken).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby={ids.heading} aria-busy={action.busy}>
      <Text as="h3" size={300} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("partnershipHeading")}
      </Text>
      <Text>{t("partnershipIntro")}</Text>
      <XlsxFilesField
        label={t("partnershipFileLabel")}
        files={files}
        onFiles={(picked) => {
          setFiles(picked);
          setMissingFiles(false);
          setAllowSimilar(false);
        }}
        disabled={action.busy}
        missingMessage={missingFiles ? t("partnershipNoFiles") : undefined}
        inputRef={fileInput}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void create()} disabled={action.busy}>
          {t("partnershipButton")}
        </Button>
      </div>
      <Text role="status">{progress?.label ?? ""}</Text>
      {progress && <ProgressBar value={progress.value} max={1} aria-label={progress.label} />}
      <ErrorBar error={action.error} describe={props.describeError} />
      <div ref={resultRef} tabIndex={-1} className={styles.result}>
        {built && !built.plan && built.summary.similarTowns.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t("partnershipSimilarTowns")}
              <ul>
                {built.summary.findings.map((finding, index) => (
                  <li key={index}>{finding.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {built && !built.plan && built.summary.similarTowns.length === 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("partnershipNothing")}</MessageBarBody>
          </MessageBar>
        )}
        {built && (built.summary.similarTowns.length > 0 || allowSimilar) && (
          <Checkbox
            checked={allowSimilar}
            label={t("partnershipAllowSimilar")}
            onChange={(_, data) => setAllowSimilar(data.checked === true)}
            disabled={action.busy}
          />
        )}
        {built?.plan &&
          (["towns.similarInPartnership", "partnership.sourcesDisagree"] as const).map((code) => {
            const findings = built.summary.findings.filter((finding) => finding.code === code);
            return (
              findings.length > 0 && (
                <MessageBar key={code} intent="warning" layout="multiline">
                  <MessageBarBody>
                    {t(
                      code === "towns.similarInPartnership"
                        ? "partnershipSimilarAllowed"
                        : "partnershipSourcesDisagree",
                    )}
                    <ul>
                      {findings.map((finding, index) => (
                        <li key={index}>{finding.message}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )
            );
          })}
        {built?.plan && download && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t("partnershipReady", { list: built.summary.towns.join(", "), count: taken })}{" "}
              <DownloadLink download={download} />
            </MessageBarBody>
          </MessageBar>
        )}
        {built && built.summary.sources.length > 0 && (
          <Table size="small" aria-labelledby={ids.caption} className={own.table}>
            <caption id={ids.caption} className={styles.caption}>
              {t("partnershipCaption")}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("columnFileTemplate")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("columnTown")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("columnStatus")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {built.summary.sources.map((source, index) => {
                const detail = source.taken ? undefined : built.details[index];
                const template = source.templateId === null ? undefined : findTemplate(source.templateId);
                return (
                  <TableRow key={index}>
                    <TableCell className={own.words}>
                      <span className={own.fileCell}>
                        {source.file}
                        <Text size={200}>{template?.spec.title[language] ?? source.templateId ?? "–"}</Text>
                      </span>
                    </TableCell>
                    <TableCell className={own.words}>{source.town ?? "–"}</TableCell>
                    <TableCell className={own.words}>
                      <strong>{source.taken ? t("partnershipTaken") : t("partnershipLeftOut")}</strong>: {source.note}
                      {detail !== undefined && ` (${detail})`}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </div>
    </section>
  );
}
