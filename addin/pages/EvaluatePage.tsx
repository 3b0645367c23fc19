/**
 * "Auswerten": the town's priorities as a table, and the joint IKZ roadmap with the partner
 * towns' workbooks, written as new sheets into the open workbook; the analysis of the other
 * templates (TemplateAnalysisSection) and the partnership workbook (PartnershipSection).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { renderTerm } from "../../lib/messages/terms.js";
import type { Priorities } from "../../templates/aufgabenkatalog/module.js";
import type { WorkbookCheck } from "../../journeys/checkWorkbook.js";
import { computeTownPriorities } from "../actions/computeTownPriorities.js";
import { importPartners, type PartnerImport, type PartnerStatus } from "../actions/importPartners.js";
import { Busy } from "../components/Busy.js";
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
import { PartnershipSection } from "./PartnershipSection.js";
import { TemplateAnalysisSection } from "./TemplateAnalysisSection.js";

/** Scores as shown everywhere else: one decimal, in the reader's notation. */
const SCORE_FORMATS = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
} as const;

/** Tasks shown in the priorities table (the sheet holds all of them). */
export const TOP_TASKS = 20;

export interface EvaluatePageProps {
  readonly host: WorkbookHost | undefined;
  readonly describeError?: HostErrorDescriber | undefined;
  /** Switches to "Prüfen" and checks the workbook. */
  readonly onShowProblems: () => void;
}

export function EvaluatePage(props: EvaluatePageProps): ReactNode {
  const { host } = props;
  const styles = usePageStyles();
  const { t } = useLanguage();
  const ids = { heading: useId(), priorities: useId(), partners: useId() };
  return (
    <section className={styles.page} aria-labelledby={ids.heading}>
      <Text as="h2" size={400} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("tabEvaluate")}
      </Text>
      {!host ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("noWorkbookOpen")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <PrioritiesSection host={host} describeError={props.describeError} onShowProblems={props.onShowProblems} />
          <PartnersSection host={host} describeError={props.describeError} onShowProblems={props.onShowProblems} />
          <TemplateAnalysisSection
            host={host}
            describeError={props.describeError}
            onShowProblems={props.onShowProblems}
          />
        </>
      )}
      <PartnershipSection describeError={props.describeError} />
    </section>
  );
}

interface SectionProps {
  readonly host: WorkbookHost;
  readonly describeError?: HostErrorDescriber | undefined;
  readonly onShowProblems: () => void;
}

/** Why nothing was computed, with the way to the problems. */
function NotComputable(props: {
  readonly check: WorkbookCheck;
  readonly own?: boolean;
  readonly onShowProblems: () => void;
}): ReactNode {
  const { t } = useLanguage();
  const errors = props.check.report.issues.filter((i) => i.severity === "error").length;
  const isCatalogue = props.check.template?.ownPaneSection === true;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {!isCatalogue
          ? t("notATaskCatalogue")
          : props.own
            ? t("ownNotComputable", { count: errors })
            : t("notComputable", { count: errors })}
      </MessageBarBody>
      {isCatalogue && (
        <MessageBarActions>
          <Button onClick={props.onShowProblems}>{t("showProblems")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function PrioritiesSection(props: SectionProps): ReactNode {
  const { host } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const ids = { heading: useId(), caption: useId() };
  const action = useAction();
  const [result, setResult] = useState<{ priorities: Priorities } | { check: WorkbookCheck } | undefined>(undefined);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => setResult(undefined), [host]);

  const compute = (): Promise<void> =>
    action.run(async () => {
      setResult(undefined);
      const outcome = computeTownPriorities(await host.readSnapshot(), language);
      setResult(outcome.kind === "ok" ? { priorities: outcome.priorities } : { check: outcome.check });
    });

  const priorities = result && "priorities" in result ? result.priorities : undefined;
  const shown = priorities?.tasks.slice(0, TOP_TASKS) ?? [];
  return (
    <section className={styles.section} aria-labelledby={ids.heading} aria-busy={action.busy}>
      <Text as="h3" size={300} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("prioritiesHeading")}
      </Text>
      <Text>{t("prioritiesIntro")}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void compute()} disabled={action.busy}>
          {t("prioritiesButton")}
        </Button>
      </div>
      {action.busy && <Busy label={t("computingPriorities")} />}
      <ErrorBar error={action.error} describe={props.describeError} />
      <div ref={resultRef} tabIndex={-1} className={styles.result}>
        {result && "check" in result && <NotComputable check={result.check} onShowProblems={props.onShowProblems} />}
        {priorities && priorities.tasks.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t("prioritiesNone")}</MessageBarBody>
          </MessageBar>
        )}
        {priorities && shown.length > 0 && (
          <Table size="small" aria-labelledby={ids.caption}>
            <caption id={ids.caption} className={styles.caption}>
              {t("prioritiesCaption", { count: shown.length, total: priorities.tasks.length, name: priorities.town })}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" className={styles.narrowColumn}>
                  {t("columnRank")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={styles.narrowColumn}>
                  {t("columnClass")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={styles.narrowColumn}>
                  {t("columnScore")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={styles.codeColumn}>
                  {t("columnCodeShort")}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{renderTerm("columnName", language)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((task) => (
                <TableRow key={task.code}>
                  <TableCell className={styles.numeric}>{task.rank}</TableCell>
                  <TableCell>{task.class}</TableCell>
                  <TableCell className={styles.numeric}>{SCORE_FORMATS[language].format(task.score)}</TableCell>
                  <TableCell>{task.code}</TableCell>
                  <TableCell className={styles.wrapAnywhere}>{task.name}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </section>
  );
}

function PartnersSection(props: SectionProps): ReactNode {
  const { host } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const ids = { heading: useId() };
  const action = useAction();
  const delivery = useInsertOrDownload();
  const { outcome } = delivery;
  const [files, setFiles] = useState<readonly File[]>([]);
  const [progress, setProgress] = useState<{ value: number; label: string } | undefined>(undefined);
  const [imported, setImported] = useState<PartnerImport | undefined>(undefined);
  const [missingFiles, setMissingFiles] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (imported || outcome) resultRef.current?.focus();
  }, [imported, outcome]);
  useEffect(() => {
    setImported(undefined);
    delivery.reset();
  }, [host, delivery.reset]);

  const runImport = (): Promise<void> => {
    if (files.length === 0) {
      setMissingFiles(true);
      fileInput.current?.focus();
      return Promise.resolve();
    }
    return action.run(async () => {
      setImported(undefined);
      delivery.reset();
      try {
        setProgress({ value: 0, label: t("importReadingOwn") });
        const own = await host.readSnapshot();
        const tools = await loadXlsxTools();
        const result = await importPartners({
          own,
          files: files.map((file) => ({
            name: file.name,
            bytes: async () => new Uint8Array(await file.arrayBuffer()),
          })),
          language,
          readSnapshot: (bytes, name) => tools.readSnapshotInBrowser(bytes, name),
          onProgress: (done, total, file) => {
            if (done < total)
              setProgress({ value: done / total, label: t("importProgress", { file, current: done + 1, total }) });
          },
        });
        setImported(result);
        if (result.kind !== "done" || !result.plan || !result.roadmap) return;
        setProgress({ value: 1, label: t("importWriting") });
        await delivery.deliver(result.plan, { host });
      } finally {
        setProgress(undefined);
      }
    });
  };

  return (
    <section className={styles.section} aria-labelledby={ids.heading} aria-busy={action.busy}>
      <Text as="h3" size={300} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("partnersHeading")}
      </Text>
      <Text>{t("partnersIntro")}</Text>
      <XlsxFilesField
        label={t("partnersFileLabel")}
        files={files}
        onFiles={(picked) => {
          setFiles(picked);
          setMissingFiles(false);
        }}
        disabled={action.busy}
        missingMessage={missingFiles ? t("partnersNoFiles") : undefined}
        inputRef={fileInput}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void runImport()} disabled={action.busy}>
          {t("partnersButton")}
        </Button>
      </div>
      {progress && (
        <Field validationMessage={progress.label} validationState="none">
          <ProgressBar value={progress.value} max={1} aria-label={progress.label} />
        </Field>
      )}
      <ErrorBar error={action.error} describe={props.describeError} />
      <div ref={resultRef} tabIndex={-1} className={styles.result}>
        {imported?.kind === "ownNotComputable" && (
          <NotComputable check={imported.check} own onShowProblems={props.onShowProblems} />
        )}
        {imported?.kind === "done" && imported.statuses.length > 0 && (
          <div>
            <Text as="h4" size={300} weight="semibold">
              {t("partnerStatusHeading")}
            </Text>
            <ul className={styles.plainList}>
              {imported.statuses.map((status, index) => (
                <li key={index}>
                  <PartnerStatusText status={status} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {imported?.kind === "done" && imported.problem && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{imported.problem.message}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "inserted" && imported?.kind === "done" && imported.roadmap && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t("roadmapInserted", {
                count: imported.roadmap.entries.length,
                list: imported.roadmap.towns.join(", "),
              })}
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

/** One file's fate in words: taken (town, tasks), left out (why), unreadable (why). */
function PartnerStatusText(props: { readonly status: PartnerStatus }): ReactNode {
  const { t } = useLanguage();
  const { status } = props;
  switch (status.kind) {
    case "accepted":
      return (
        <>
          {status.file} — <strong>{t("partnerAccepted", { name: status.town, count: status.taskCount })}</strong>
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
