/**
 * "Prüfen": reads the open workbook, recognises its template and lists every problem grouped
 * by sheet. Clicking a problem selects its cell in Excel (in file mode: marks it current and
 * previews its row). The findings are re-rendered when the language changes.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Switch,
  Text,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { columnLetter, parseCellAddress } from "../../lib/cells/address.js";
import { formatNumberFor, renderTerm } from "../../lib/messages/terms.js";
import { isCellError, type CellValue, type WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { Severity, ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { checkAllTemplates } from "../../journeys/checkWorkbook.js";
import { countIssues, groupIssuesBySheet, type IssueCounts } from "../actions/groupIssuesBySheet.js";
import { Busy } from "../components/Busy.js";
import { ErrorBar } from "../components/ErrorBar.js";
import { usePageStyles } from "../components/pageStyles.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import type { CellRef, WorkbookHost } from "../host/WorkbookHost.js";
import { useAction } from "../useAction.js";
import { useLanguage, type LanguageState } from "../useLanguage.js";

export interface CheckPageProps {
  readonly host: WorkbookHost | undefined;
  readonly describeError?: HostErrorDescriber | undefined;
  /** Increases when another page asks for a check ("Probleme anzeigen"). */
  readonly checkRequest: number;
}

/** Issues listed per sheet; a workbook with thousands of problems shows the first ones and a count. */
export const MAX_LISTED_ISSUES = 200;

const SEVERITY_TERM: Record<Severity, "severityError" | "severityWarning" | "severityInfo"> = {
  error: "severityError",
  warning: "severityWarning",
  info: "severityInfo",
};

/** Where an issue points, when it points at cells. */
function cellRefOf(issue: ValidationIssue): CellRef | undefined {
  return issue.sheet !== undefined && issue.cell !== undefined
    ? { sheet: issue.sheet, address: issue.cell }
    : undefined;
}

export function summaryText(counts: IssueCounts, t: LanguageState["t"]): string {
  return [
    t("countErrors", { count: counts.error }),
    t("countWarnings", { count: counts.warning }),
    t("countNotes", { count: counts.info }),
  ].join(" · ");
}

export function CheckPage(props: CheckPageProps): ReactNode {
  const { host, checkRequest } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const ids = { heading: useId(), result: useId() };
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | undefined>(undefined);
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [marking, setMarking] = useState(false);
  const [markNote, setMarkNote] = useState<string | undefined>(undefined);
  const checkAction = useAction();
  const cellAction = useAction();
  const resultRef = useRef<HTMLDivElement>(null);
  const check = useMemo(() => (snapshot ? checkAllTemplates(snapshot, language) : undefined), [snapshot, language]);
  const issues = useMemo(() => check?.report.issues ?? [], [check]);
  const markable = useMemo(
    () => issues.filter((i) => i.severity !== "info").flatMap((i) => cellRefOf(i) ?? []),
    [issues],
  );

  const runCheck = (): Promise<void> =>
    checkAction.run(async () => {
      if (!host) return;
      setCurrent(undefined);
      const read = await host.readSnapshot();
      setSnapshot(read);
      if (marking) {
        const fresh = checkAllTemplates(read, language)
          .report.issues.filter((i) => i.severity !== "info")
          .flatMap((i) => cellRefOf(i) ?? []);
        await host.clearMarks();
        await host.markCells(fresh);
        setMarkNote(t("markedCells", { count: fresh.length }));
      }
    });

  // focus moves to the result once it is shown (a new check gives a new snapshot)
  useEffect(() => {
    if (snapshot) resultRef.current?.focus();
  }, [snapshot]);

  // "Probleme anzeigen" on another page
  const lastRequest = useRef(checkRequest);
  useEffect(() => {
    if (checkRequest === lastRequest.current) return;
    lastRequest.current = checkRequest;
    void runCheck();
  });

  // a new workbook (file mode) invalidates the result
  useEffect(() => {
    setSnapshot(undefined);
    setCurrent(undefined);
    setMarking(false);
    setMarkNote(undefined);
  }, [host]);

  const toggleMarks = (on: boolean): Promise<void> =>
    cellAction.run(async () => {
      if (!host) return;
      setMarking(on);
      if (on) {
        await host.markCells(markable);
        setMarkNote(t("markedCells", { count: markable.length }));
      } else {
        await host.clearMarks();
        setMarkNote(t("marksCleared"));
      }
    });

  const select = (index: number, ref: CellRef): Promise<void> =>
    cellAction.run(async () => {
      if (!host) return;
      setCurrent(index);
      await host.selectCell(ref);
    });

  const counts = countIssues(issues);
  const groups = groupIssuesBySheet(issues);
  const indexOf = new Map(issues.map((issue, index) => [issue, index]));
  const busy = checkAction.busy;
  return (
    <section className={styles.page} aria-labelledby={ids.heading} aria-busy={busy}>
      <Text as="h2" size={400} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("checkHeading")}
      </Text>
      <Text>{t("checkIntro")}</Text>
      {!host ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("noWorkbookOpen")}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void runCheck()} disabled={busy}>
            {t("checkButton")}
          </Button>
          {host.kind === "excel" && (
            <Switch
              checked={marking}
              disabled={busy || cellAction.busy || !check}
              onChange={(_, data) => void toggleMarks(data.checked)}
              label={t("markSwitch")}
            />
          )}
        </div>
      )}
      {busy && <Busy label={t("checking")} />}
      <ErrorBar error={checkAction.error} describe={props.describeError} />
      <ErrorBar error={cellAction.error} describe={props.describeError} />
      {markNote !== undefined && (
        <Text role="status" size={200}>
          {markNote}
        </Text>
      )}
      {check && (
        <div
          className={mergeClasses(styles.stack, styles.result)}
          aria-labelledby={ids.result}
          role="region"
          ref={resultRef}
          tabIndex={-1}
        >
          <Text as="h3" size={300} weight="semibold" id={ids.result} className={styles.heading}>
            {t("checkResultHeading")}
          </Text>
          {check.template && (
            <Text>
              {t("checkTemplate", {
                name: check.template.spec.title[language],
                ...(check.report.workbook?.metadata.templateVersion === undefined
                  ? {}
                  : { version: check.report.workbook.metadata.templateVersion }),
              })}
            </Text>
          )}
          <Text role="status" weight="semibold">
            {summaryText(counts, t)}
          </Text>
          {!check.report.usable && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t("checkUnusable")}</MessageBarBody>
            </MessageBar>
          )}
          {issues.length === 0 && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t("checkNoIssues")}</MessageBarBody>
            </MessageBar>
          )}
          {issues.length > 0 && (
            <Text size={200}>{host?.kind === "file" ? t("issueShowHintFile") : t("issueShowHint")}</Text>
          )}
          {groups.length > 0 && (
            <Accordion
              key={snapshot?.fileName}
              multiple
              collapsible
              defaultOpenItems={groups.map((g) => g.sheet ?? "")}
            >
              {groups.map((group) => (
                <AccordionItem key={group.sheet ?? ""} value={group.sheet ?? ""}>
                  <AccordionHeader as="h4">
                    {group.sheet === undefined ? t("workbookGroup") : t("sheetGroup", { sheet: group.sheet })} —{" "}
                    {summaryText(countIssues(group.issues), t)}
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.issueList}>
                      {group.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
                        const index = indexOf.get(issue) ?? -1;
                        const ref = cellRefOf(issue);
                        const isCurrent = index === current;
                        const body = <IssueText issue={issue} current={isCurrent} />;
                        return (
                          <li key={index}>
                            {ref ? (
                              <Button
                                appearance="subtle"
                                className={mergeClasses(styles.issueButton, isCurrent && styles.issueCurrent)}
                                aria-current={isCurrent ? "true" : undefined}
                                onClick={() => void select(index, ref)}
                              >
                                {body}
                              </Button>
                            ) : (
                              <div className={styles.issueStatic}>{body}</div>
                            )}
                            {isCurrent && host?.kind === "file" && snapshot && ref && (
                              <RowPreview snapshot={snapshot} at={ref} />
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    {group.issues.length > MAX_LISTED_ISSUES && (
                      <Text>{t("moreIssues", { count: group.issues.length - MAX_LISTED_ISSUES })}</Text>
                    )}
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </div>
      )}
    </section>
  );
}

/** Severity (as a word, never by colour alone), cell, message, expected and found. */
function IssueText(props: { readonly issue: ValidationIssue; readonly current: boolean }): ReactNode {
  const { issue } = props;
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  return (
    <span className={styles.issueText}>
      <span>
        <strong>{renderTerm(SEVERITY_TERM[issue.severity], language)}</strong>
        {issue.cell !== undefined && ` · ${t("issueCell", { cell: issue.cell })}`}
        {props.current && ` · ${t("issueSelected")}`}
      </span>
      <span>{issue.message}</span>
      {issue.expected !== undefined && (
        <span>
          {renderTerm("expected", language)}: {issue.expected}
        </span>
      )}
      {issue.received !== undefined && (
        <span>
          {renderTerm("received", language)}: {issue.received}
        </span>
      )}
    </span>
  );
}

/** A cell value as a reader of the language writes it. */
function displayValue(value: CellValue, formula: string | undefined, language: Language, formulaText: string): string {
  if (value === null) return formula === undefined ? "" : formulaText;
  if (typeof value === "number") return formatNumberFor(value, language);
  if (typeof value === "boolean")
    return value ? (language === "de" ? "WAHR" : "TRUE") : language === "de" ? "FALSCH" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return value;
}

/** File mode's stand-in for selecting a cell: the cell's row, read-only, the cell marked in words. */
function RowPreview(props: { readonly snapshot: WorkbookSnapshot; readonly at: CellRef }): ReactNode {
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  const first = props.at.address.split(":")[0] ?? props.at.address;
  let position: { row: number; column: number };
  try {
    position = parseCellAddress(first.replace(/\$/g, ""));
  } catch {
    return null;
  }
  const sheet = props.snapshot.sheets.find((s) => s.name === props.at.sheet);
  const cells = (sheet?.rows[position.row] ?? [])
    .map((cell, column) => ({ cell, column }))
    .filter((entry) => entry.cell !== undefined || entry.column === position.column)
    .filter((entry) => entry.column > 0);
  return (
    <div className={styles.preview}>
      <Text as="h5" size={200} weight="semibold">
        {t("previewHeading", { row: position.row, sheet: props.at.sheet })}
      </Text>
      {cells.length === 0 ? (
        <Text size={200}>{t("previewEmpty")}</Text>
      ) : (
        <dl>
          {cells.map(({ cell, column }) => {
            const flagged = column === position.column;
            const text = cell ? displayValue(cell.value, cell.formula, language, t("previewFormula")) : "";
            return (
              <div key={column}>
                <dt>
                  {flagged ? (
                    <strong>{`${columnLetter(column)}${position.row} (${t("previewFlagged")})`}</strong>
                  ) : (
                    `${columnLetter(column)}${position.row}`
                  )}
                </dt>
                <dd>{flagged ? <strong>{text === "" ? "—" : text}</strong> : text}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
