/**
 * The task pane: language switch, four pages (Vorlagen, Prüfen, Auswerten, Kostenverteilung) and, without
 * Excel, a bar to open a workbook file. Wiring only: the pages call lib/ through small
 * actions (addin/actions) and talk to the workbook through a WorkbookHost.
 */
import {
  AriaLiveAnnouncer,
  Button,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from "react";
import { Busy } from "./components/Busy.js";
import { DownloadLink } from "./components/DownloadLink.js";
import { ErrorBar } from "./components/ErrorBar.js";
import { changedFileName, createDownload, revokeDownload, type Download } from "./file/download.js";
import { loadXlsxTools } from "./file/loadXlsxTools.js";
import type { Connection, FileModeReason } from "./host/connectHost.js";
import type { HostErrorDescriber } from "./host/describeError.js";
import type { FileHost, FileHostState } from "./host/FileHost.js";
import type { WorkbookHost } from "./host/WorkbookHost.js";
import type { UiTextKey } from "./messages.js";
import { useAction } from "./useAction.js";
import { defaultStorage, LanguageProvider, useLanguage } from "./useLanguage.js";

/**
 * The pages load as their own chunks, after the pane's shell has painted: they bring the
 * templates (specs, planners, reference lists), which would otherwise all be in the first
 * download (see docs/decisions/0004).
 */
const pages = {
  templates: () => import("./pages/TemplatesPage.js"),
  check: () => import("./pages/CheckPage.js"),
  evaluate: () => import("./pages/EvaluatePage.js"),
  costs: () => import("./pages/CostAllocationPage.js"),
};
const TemplatesPage = lazy(() => pages.templates().then((m) => ({ default: m.TemplatesPage })));
const CheckPage = lazy(() => pages.check().then((m) => ({ default: m.CheckPage })));
const EvaluatePage = lazy(() => pages.evaluate().then((m) => ({ default: m.EvaluatePage })));
const CostAllocationPage = lazy(() => pages.costs().then((m) => ({ default: m.CostAllocationPage })));

/** Loads every page's chunk (tests call it first, so that no test waits for a chunk). */
export async function preloadPages(): Promise<void> {
  await Promise.all(Object.values(pages).map((load) => load()));
}

/** After this long without an answer from Office, the pane offers to go on without Excel. */
export const SLOW_CONNECTION_MS = 10_000;

export interface AppProps {
  /** Finds the workbook host (Excel) or says why the pane works with files. */
  readonly connect: () => Promise<Connection>;
  /** Opens a picked .xlsx as a file-mode host; default: FileWorkbookHost from the lazy chunk. */
  readonly openFile?: (file: File) => Promise<FileHost>;
  /** Where the language choice is remembered; default: localStorage. */
  readonly storage?: Storage | undefined;
}

async function openFileWithExcelJs(file: File): Promise<FileHost> {
  const tools = await loadXlsxTools();
  return tools.FileWorkbookHost.open(new Uint8Array(await file.arrayBuffer()), file.name);
}

export function App(props: AppProps): ReactNode {
  return (
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <LanguageProvider storage={"storage" in props ? props.storage : defaultStorage()}>
          <TaskPane connect={props.connect} openFile={props.openFile ?? openFileWithExcelJs} />
        </LanguageProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

type Phase =
  | { readonly kind: "connecting" }
  | { readonly kind: "excel"; readonly host: WorkbookHost; readonly describeError: HostErrorDescriber | undefined }
  | { readonly kind: "file"; readonly reason: FileModeBarReason; readonly hostName: string | undefined };

/** Why the pane shows the file bar: the connection's reason, the user's choice, or Excel not answering. */
type FileModeBarReason = FileModeReason | "skipped" | "excelUnavailable";

/** A failed start-up in Excel, with the host's describer (German and English texts for Office codes). */
interface ConnectFailure {
  readonly error: unknown;
  readonly describe: HostErrorDescriber | undefined;
}

type TabKey = "templates" | "check" | "evaluate" | "costs";
const TABS: readonly { readonly key: TabKey; readonly label: UiTextKey }[] = [
  { key: "templates", label: "tabTemplates" },
  { key: "check", label: "tabCheck" },
  { key: "evaluate", label: "tabEvaluate" },
  { key: "costs", label: "tabCostAllocation" },
];

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  title: {
    display: "block",
    margin: 0,
  },
  fileBar: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  /** Four tabs do not fit a 320 px pane in one row: the last ones wrap instead of widening the pane. */
  tabs: {
    flexWrap: "wrap",
  },
});

function TaskPane(props: {
  readonly connect: () => Promise<Connection>;
  readonly openFile: (file: File) => Promise<FileHost>;
}): ReactNode {
  const { t } = useLanguage();
  const styles = useStyles();
  const ids = { title: useId(), tabs: useId() };
  const [phase, setPhase] = useState<Phase>({ kind: "connecting" });
  const [slow, setSlow] = useState(false);
  const [connectFailure, setConnectFailure] = useState<ConnectFailure | undefined>(undefined);
  /** Counts the user's "connect to Excel again"; each change connects once more. */
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [fileHost, setFileHost] = useState<FileHost | undefined>(undefined);
  const [tab, setTab] = useState<TabKey>("templates");
  const [checkRequest, setCheckRequest] = useState(0);
  const { connect } = props;

  useEffect(() => {
    let live = true;
    const timer = attempt === 0 ? setTimeout(() => setSlow(true), SLOW_CONNECTION_MS) : undefined;
    // Excel is there but did not answer: work with files meanwhile, offer to try again
    const unavailable = (failure: ConnectFailure): void => {
      setConnectFailure(failure);
      setPhase((current) =>
        current.kind === "connecting" ? { kind: "file", reason: "excelUnavailable", hostName: undefined } : current,
      );
    };
    connect()
      .then((connection) => {
        if (!live) return;
        if (connection.kind === "unavailable") {
          unavailable({ error: connection.error, describe: connection.describeError });
          return;
        }
        setConnectFailure(undefined);
        // the user may have gone on without Excel while waiting; Excel wins when it answers
        setPhase((current) =>
          connection.kind === "excel"
            ? { kind: "excel", host: connection.host, describeError: connection.describeError }
            : current.kind === "connecting"
              ? { kind: "file", reason: connection.reason, hostName: connection.hostName }
              : current,
        );
      })
      .catch((error: unknown) => {
        if (live) unavailable({ error, describe: undefined });
      })
      .finally(() => {
        clearTimeout(timer);
        if (live) setRetrying(false);
      });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [connect, attempt]);
  const retryExcel = (): void => {
    setRetrying(true);
    setAttempt((n) => n + 1);
  };

  const host: WorkbookHost | undefined = phase.kind === "excel" ? phase.host : fileHost;
  const describeError = phase.kind === "excel" ? phase.describeError : undefined;
  const showProblems = (): void => {
    setTab("check");
    setCheckRequest((n) => n + 1);
  };

  return (
    <main className={styles.pane} aria-labelledby={ids.title}>
      <header className={styles.header}>
        <div>
          <Text as="h1" size={500} weight="semibold" id={ids.title} className={styles.title}>
            {t("appTitle")}
          </Text>
          <Text as="p" size={200} className={styles.title}>
            {t("appSubtitle")}
          </Text>
        </div>
        <LanguageSwitch />
      </header>
      {phase.kind === "connecting" ? (
        <div aria-busy="true" className={styles.fileBar}>
          <Busy label={t("connecting")} />
          {slow && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t("connectingSlow")}</MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => setPhase({ kind: "file", reason: "skipped", hostName: undefined })}>
                  {t("continueWithoutExcel")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      ) : (
        <>
          <ErrorBar error={connectFailure?.error} describe={connectFailure?.describe} />
          {phase.kind === "file" && (
            <FileModeBar
              reason={phase.reason}
              hostName={phase.hostName}
              retrying={retrying}
              onRetry={retryExcel}
              host={fileHost}
              onOpen={setFileHost}
              openFile={props.openFile}
            />
          )}
          {/* The tabs appear with their pages (lazy chunks), never before them. */}
          <Suspense fallback={<Busy label={t("loadingPages")} />}>
            <TabList
              className={styles.tabs}
              selectedValue={tab}
              onTabSelect={(_, data) => setTab(data.value as TabKey)}
              aria-label={t("sectionsLabel")}
            >
              {TABS.map(({ key, label }) => (
                <Tab key={key} value={key} id={`${ids.tabs}-${key}-tab`} aria-controls={`${ids.tabs}-${key}-panel`}>
                  {t(label)}
                </Tab>
              ))}
            </TabList>
            {/* All panels stay mounted (hidden when not selected), so entries and results survive a tab switch. */}
            <div
              role="tabpanel"
              id={`${ids.tabs}-templates-panel`}
              aria-labelledby={`${ids.tabs}-templates-tab`}
              hidden={tab !== "templates"}
            >
              <TemplatesPage
                excelHost={phase.kind === "excel" ? phase.host : undefined}
                describeError={describeError}
              />
            </div>
            <div
              role="tabpanel"
              id={`${ids.tabs}-check-panel`}
              aria-labelledby={`${ids.tabs}-check-tab`}
              hidden={tab !== "check"}
            >
              <CheckPage host={host} describeError={describeError} checkRequest={checkRequest} />
            </div>
            <div
              role="tabpanel"
              id={`${ids.tabs}-evaluate-panel`}
              aria-labelledby={`${ids.tabs}-evaluate-tab`}
              hidden={tab !== "evaluate"}
            >
              <EvaluatePage host={host} describeError={describeError} onShowProblems={showProblems} />
            </div>
            <div
              role="tabpanel"
              id={`${ids.tabs}-costs-panel`}
              aria-labelledby={`${ids.tabs}-costs-tab`}
              hidden={tab !== "costs"}
            >
              <CostAllocationPage host={host} describeError={describeError} onShowProblems={showProblems} />
            </div>
          </Suspense>
        </>
      )}
    </main>
  );
}

/** Deutsch / English, each name in its own language. */
function LanguageSwitch(): ReactNode {
  const { language, setLanguage, t } = useLanguage();
  return (
    <Field label={t("languageLabel")}>
      <RadioGroup
        layout="horizontal"
        value={language}
        onChange={(_, data) => setLanguage(data.value === "en" ? "en" : "de")}
      >
        <Radio value="de" label={{ children: t("languageGerman"), lang: "de" }} />
        <Radio value="en" label={{ children: t("languageEnglish"), lang: "en" }} />
      </RadioGroup>
    </Field>
  );
}

const REASON_TEXT: Record<FileModeBarReason, UiTextKey> = {
  noOffice: "fileModeNoOffice",
  noHost: "fileModeNoHost",
  otherHost: "fileModeOtherHost",
  excelTooOld: "fileModeExcelTooOld",
  skipped: "fileModeNoHost",
  excelUnavailable: "fileModeExcelUnavailable",
};

/** File mode: why, the file picker, the open file's name and the download of the changed copy. */
function FileModeBar(props: {
  readonly reason: FileModeBarReason;
  readonly hostName: string | undefined;
  /** True while connecting to Excel again. */
  readonly retrying: boolean;
  /** Connects to Excel again (offered when Excel did not answer at start-up). */
  readonly onRetry: () => void;
  readonly host: FileHost | undefined;
  readonly onOpen: (host: FileHost) => void;
  readonly openFile: (file: File) => Promise<FileHost>;
}): ReactNode {
  const { host, onOpen, openFile } = props;
  const { t } = useLanguage();
  const styles = useStyles();
  const openAction = useAction();
  const downloadAction = useAction();
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [state, setState] = useState<FileHostState | undefined>(host?.fileState);
  const [download, setDownload] = useState<Download | undefined>(undefined);
  useEffect(() => {
    setState(host?.fileState);
    setDownload(undefined);
    return host?.subscribe((next) => {
      setState(next);
      setDownload(undefined); // the workbook changed: an offered copy is out of date
    });
  }, [host]);
  useEffect(() => () => revokeDownload(download), [download]);

  const open = (file: File): Promise<void> =>
    openAction.run(async () => {
      setOpening(file.name);
      try {
        onOpen(await openFile(file));
      } finally {
        setOpening(undefined);
      }
    });
  const prepareDownload = (): Promise<void> =>
    downloadAction.run(async () => {
      if (!host) return;
      setDownload(createDownload(await host.toBytes(), changedFileName(host.name)));
    });

  return (
    <div className={styles.fileBar} aria-busy={openAction.busy || downloadAction.busy}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("fileModeTitle")}</MessageBarTitle>
          {t(REASON_TEXT[props.reason], { name: props.hostName ?? "" })}
        </MessageBarBody>
        {props.reason === "excelUnavailable" && (
          <MessageBarActions>
            <Button onClick={props.onRetry} disabled={props.retrying}>
              {t("retryExcel")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {props.retrying && <Busy label={t("connecting")} />}
      <Field label={t("openWorkbookLabel")} hint={t("openWorkbookHint")}>
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.fileInput}
            disabled={openAction.busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void open(file);
            }}
          />
        )}
      </Field>
      {opening !== undefined && <Busy label={t("openingWorkbook", { file: opening })} />}
      <ErrorBar error={openAction.error} />
      {host && (
        <Text role="status" weight="semibold">
          {t("openedWorkbook", { file: host.name })}
        </Text>
      )}
      {host && state?.changed && (
        <div className={styles.fileBar}>
          <div>
            <Button onClick={() => void prepareDownload()} disabled={downloadAction.busy}>
              {t("prepareDownload")}
            </Button>
          </div>
          {downloadAction.busy && <Busy label={t("preparingDownload")} />}
          <ErrorBar error={downloadAction.error} />
          {download && <DownloadLink download={download} />}
          <Text size={200}>{t("downloadNote")}</Text>
        </div>
      )}
    </div>
  );
}
