/**
 * „Auswertung dieser Vorlage“ on the Auswerten page: the analysis of the open workbook's template
 * (PESTEL, IT service catalogue, workplace profile) over it and the partner files of the same
 * template — inserted as new sheets in Excel, offered as a download in file mode.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  analyseTemplate,
  sheetsToInsert,
  type AnalysisFileStatus,
  type TemplateAnalysisRun,
} from "../actions/analyseTemplate.js";
import { DownloadLink } from "../components/DownloadLink.js";
import { ErrorBar } from "../components/ErrorBar.js";
import { XlsxFilesField } from "../components/XlsxFilesField.js";
import { usePageStyles } from "../components/pageStyles.js";
import { ReplaceSheetsDialog } from "../components/ReplaceSheetsDialog.js";
import { useInsertOrDownload } from "../components/useInsertOrDownload.js";
import { loadXlsxTools } from "../file/loadXlsxTools.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";
import { useAction } from "../useAction.js";
import { useLanguage } from "../useLanguage.js";
import { nextTask } from "./PartnershipSection.js";

export interface TemplateAnalysisSectionProps {
  readonly host: WorkbookHost;
  readonly describeError?: HostErrorDescriber | undefined;
  /** Switches to "Prüfen" and checks the workbook. */
  readonly onShowProblems: () => void;
}

export function TemplateAnalysisSection(props: TemplateAnalysisSectionProps): ReactNode {
  const { host } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const ids = { heading: useId(), summary: useId(), files: useId() };
  const action = useAction();
  const delivery = useInsertOrDownload();
  const { outcome } = delivery;
  const [files, setFiles] = useState<readonly File[]>([]);
  const [progress, setProgress] = useState<{ value: number; label: string } | undefined>(undefined);
  const [run, setRun] = useState<TemplateAnalysisRun | undefined>(undefined);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run || outcome) resultRef.current?.focus();
  }, [run, outcome]);
  useEffect(() => {
    setRun(undefined);
    delivery.reset();
  }, [host, delivery.reset]);

  const analyse = (): Promise<void> =>
    action.run(async () => {
      setRun(undefined);
      delivery.reset();
      try {
        setProgress({ value: 0, label: t("importReadingOwn") });
        const own = await host.readSnapshot();
        const tools = await loadXlsxTools();
        const result = await analyseTemplate({
          own,
          files: files.map((file) => ({
            name: file.name,
            bytes: async () => new Uint8Array(await file.arrayBuffer()),
          })),
          language,
          readSnapshot: (bytes, name) => tools.readSnapshotInBrowser(bytes, name),
          onProgress: async (done, total, file) => {
            if (done < total)
              setProgress({ value: done / total, label: t("importProgress", { file, current: done + 1, total }) });
            await nextTask();
          },
        });
        setRun(result);
        if (result.kind !== "done") return;
        const fileName = `${result.template.spec.id}-${language === "de" ? "auswertung" : "analysis"}.xlsx`;
        if (host.kind === "file") {
          await delivery.deliver(result.plan, { host: undefined, fileName });
          return;
        }
        setProgress({ value: 1, label: t("analysisWriting") });
        await delivery.deliver(sheetsToInsert(result.plan), { host, fileName });
      } finally {
        setProgress(undefined);
      }
    });

  const errors = run && run.kind !== "done" ? run.check.report.issues.filter((i) => i.severity === "error").length : 0;
  return (
    <section className={styles.section} aria-labelledby={ids.heading} aria-busy={action.busy}>
      <Text as="h3" size={300} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("analysisHeading")}
      </Text>
      <Text>
        {t("analysisIntro")} {host.kind === "file" ? t("analysisDownloadNote") : t("analysisInsertNote")}
      </Text>
      <XlsxFilesField label={t("analysisFileLabel")} files={files} onFiles={setFiles} disabled={action.busy} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void analyse()} disabled={action.busy}>
          {t("analysisButton")}
        </Button>
      </div>
      <Text role="status">{progress?.label ?? ""}</Text>
      {progress && <ProgressBar value={progress.value} max={1} aria-label={progress.label} />}
      <ErrorBar error={action.error} describe={props.describeError} />
      <div ref={resultRef} tabIndex={-1} className={styles.result}>
        {run?.kind === "notAnalysable" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("analysisNotAnalysable")}</MessageBarBody>
          </MessageBar>
        )}
        {run?.kind === "ownInvalid" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("analysisOwnInvalid", { count: errors })}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={props.onShowProblems}>{t("showProblems")}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {run?.kind === "done" && (
          <>
            <div>
              <Text as="h4" size={300} weight="semibold" id={ids.files}>
                {t("partnerStatusHeading")}
              </Text>
              <ul className={styles.plainList} aria-labelledby={ids.files}>
                <li className={styles.wrapAnywhere}>
                  {host.name} ({t("analysisOwnFile")}) —{" "}
                  <strong>{t("analysisTaken", { name: run.towns[0] ?? "" })}</strong>
                </li>
                {run.statuses.map((status, index) => (
                  <li key={index} className={styles.wrapAnywhere}>
                    <AnalysisStatusText status={status} />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <Text as="h4" size={300} weight="semibold" id={ids.summary}>
                {t("analysisSummaryHeading", { name: run.template.spec.title[language], list: run.towns.join(", ") })}
              </Text>
              <ul className={styles.plainList} aria-labelledby={ids.summary}>
                {run.summary.map((line, index) => (
                  <li key={index} className={styles.wrapAnywhere}>
                    {line}
                  </li>
                ))}
              </ul>
            </div>
          </>
        )}
        {outcome?.kind === "inserted" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("analysisInserted", { list: outcome.sheets.join(", ") })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "file" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t("fileCreated", { file: outcome.download.fileName })} <DownloadLink download={outcome.download} />
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "cancelled" && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("cancelled")}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ReplaceSheetsDialog conflict={delivery.conflict} onAnswer={delivery.answer} />
    </section>
  );
}

/** One added file's fate in words: taken (town), left out (why), unreadable (why). */
function AnalysisStatusText(props: { readonly status: AnalysisFileStatus }): ReactNode {
  const { t } = useLanguage();
  const { status } = props;
  switch (status.kind) {
    case "taken":
      return (
        <>
          {status.file} — <strong>{t("analysisTaken", { name: status.town })}</strong>
        </>
      );
    case "otherTemplate":
      return (
        <>
          {status.file} —{" "}
          <strong>
            {t("analysisOtherTemplate", status.templateId === undefined ? {} : { name: status.templateId })}
          </strong>
        </>
      );
    case "invalid":
      return (
        <>
          {status.file} — <strong>{t("partnerInvalid", { count: status.errorCount })}</strong>
          {status.firstError &&
            `: ${status.firstError.sheet && status.firstError.cell ? `${status.firstError.sheet}!${status.firstError.cell} – ` : ""}${status.firstError.message}`}
        </>
      );
    case "unreadable":
      return (
        <>
          {status.file} — <strong>{t("partnerUnreadable")}</strong>: {status.issue.message}
        </>
      );
    case "duplicate":
      return (
        <>
          {status.file} — <strong>{t("partnerDuplicate")}</strong>: {status.issue.message}
        </>
      );
  }
}
