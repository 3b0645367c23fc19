/**
 * „Kostenverteilung“: the partner towns and cost items of a joint service, entered in the pane
 * (or loaded from the illustrative example), checked live with the library's rules, allocated
 * cent-exact with a visible proof that every item is split completely; then inserted into the
 * workbook as the „Kostenverteilung“ template, or computed back from the workbook after the
 * sheets were edited there.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatEuros, formatNumber } from "../../lib/allocation/messages.js";
import {
  ALLOCATION_KEYS,
  MIXED_KEY_PARTS,
  type Allocation,
  type AllocationKey,
  type MixedKeyPart,
} from "../../lib/allocation/model.js";
import { renderTerm } from "../../lib/messages/terms.js";
import { formatDate } from "../../lib/validation/parseCell.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { checkRowCounts } from "../../templates/kostenverteilung/plan.js";
import { DUE_DATES } from "../../templates/kostenverteilung/formulas/result.js";
import { checkCompleteness } from "../actions/costAllocationCheck.js";
import {
  ACTUAL_FIELDS,
  advanceDueDates,
  locateIssue,
  type FormLocation,
  type ItemForm,
  type OverheadForm,
  type ActualField,
  type OverheadKey,
  type SettingsForm,
  type TownForm,
  type WeightInputs,
} from "../actions/costAllocationForm.js";
import type { WorkbookAllocation } from "../actions/costAllocationWorkbook.js";
import { Busy } from "../components/Busy.js";
import { DownloadLink } from "../components/DownloadLink.js";
import { ErrorBar } from "../components/ErrorBar.js";
import { usePageStyles } from "../components/pageStyles.js";
import { ReplaceSheetsDialog } from "../components/ReplaceSheetsDialog.js";
import type { UiTextKey } from "../messages.js";
import { useLanguage } from "../useLanguage.js";
import { useCostAllocationPageStyles } from "./CostAllocationPage.styles.js";
import {
  ADD_ITEM,
  ADD_TOWN,
  useCostAllocationPage,
  type CostAllocationPageProps,
  type CostAllocationPageState,
} from "./useCostAllocationPage.js";

export type { CostAllocationPageProps } from "./useCostAllocationPage.js";

const KEY_TEXT: Readonly<Record<AllocationKey, UiTextKey>> = {
  equal: "costKeyEqual",
  population: "costKeyPopulation",
  cases: "costKeyCases",
  workplaces: "costKeyWorkplaces",
  fteShare: "costKeyFteShare",
  fixedPercent: "costKeyFixedPercent",
  mixed: "costKeyMixed",
  flatFeePerCase: "costKeyFlatFee",
};

/** Labels of the fields, as the form shows them and as findings name them. */
const FIELD_TEXT: Readonly<Record<string, UiTextKey>> = {
  name: "costTownName",
  population: "costPopulation",
  cases: "costCases",
  workplaces: "costWorkplaces",
  fteShare: "costFteShare",
  fixedPercent: "costFixedPercent",
  isHost: "costIsHost",
  populationDate: "costPopulationDate",
  amount: "costAmount",
  actualAmount: "costActualAmount",
  flatFeePerCase: "costFee",
  key: "costKey",
  percent: "costOverheadPercent",
  mixedWeights: "costWeightsLegend",
};

/** Labels of a town's actual values (Ist-Werte). */
const ACTUAL_TEXT: Readonly<Record<ActualField, UiTextKey>> = {
  population: "costActualPopulation",
  cases: "costActualCases",
  workplaces: "costActualWorkplaces",
  fteShare: "costActualFteShare",
};

/** Labels of the settings („Grunddaten“). */
const SETTINGS_TEXT: Readonly<Record<Exclude<keyof SettingsForm, "dueDates">, UiTextKey>> = {
  unitName: "costUnitName",
  year: "costYear",
  calculationDate: "costCalculationDate",
};

const OVERHEAD_KEYS: readonly OverheadKey[] = ALLOCATION_KEYS.filter(
  (key): key is OverheadKey => key !== "flatFeePerCase",
);

const SHARE_FORMATS: Readonly<Record<Language, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** The classes the page is drawn with: the page frame's and the page's own. */
export interface CostAllocationPageClasses {
  readonly page: ReturnType<typeof usePageStyles>;
  readonly form: ReturnType<typeof useCostAllocationPageStyles>;
}

export function CostAllocationPage(props: CostAllocationPageProps): ReactNode {
  const state = useCostAllocationPage(props);
  const classes = { page: usePageStyles(), form: useCostAllocationPageStyles() };
  return renderCostAllocationPage(state, classes);
}

/** The page drawn from its state: no state of its own, no effects. */
export function renderCostAllocationPage(
  state: CostAllocationPageState,
  classes: CostAllocationPageClasses,
): ReactNode {
  const {
    host,
    t,
    ids,
    form,
    notice,
    preparedRows,
    setPreparedRows,
    rowsProblem,
    workbookResult,
    insertAction,
    computeAction,
    delivery,
    insertOutcome,
    pageRef,
    insertResultRef,
    computeResultRef,
    empty,
    check,
    complete,
    allocation,
    issuesByInput,
    focusIssue,
    updateTown,
    updateItem,
    updateOverhead,
    updateSettings,
    addTown,
    removeTown,
    addItem,
    removeItem,
    replaceForm,
    undoReplace,
    describe,
    describeError,
    onShowProblems,
    insert,
    compute,
    busy,
  } = state;
  const styles = classes.page;
  const formStyles = classes.form;
  return (
    <section ref={pageRef} className={styles.page} aria-labelledby={ids.heading} aria-busy={busy}>
      <Text as="h2" size={400} weight="semibold" id={ids.heading} className={styles.heading}>
        {t("tabCostAllocation")}
      </Text>
      <Text>{t("costIntro")}</Text>
      <div className={styles.actions}>
        <Button onClick={() => replaceForm("demo")}>{t("costLoadDemo")}</Button>
        {/* stays (focusable, disabled) when there is nothing to clear, so the focus stays on it */}
        <Button disabledFocusable={empty} onClick={() => replaceForm("clear")}>
          {t("costClearForm")}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice.kind === "demo" ? t("costDemoLoaded") : t("costCleared")}</MessageBarBody>
          {notice.previous && (
            <MessageBarActions>
              <Button onClick={undoReplace}>{t("costUndo")}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={ids.settings}>
        <Text as="h3" size={300} weight="semibold" id={ids.settings} className={styles.heading}>
          {t("costSettingsHeading")}
        </Text>
        <SettingsFields
          settings={form.settings}
          issueAt={(path) => issuesByInput.get(path)}
          onChange={updateSettings}
        />
      </section>

      <section className={styles.section} aria-labelledby={ids.towns}>
        <Text as="h3" size={300} weight="semibold" id={ids.towns} className={styles.heading}>
          {t("costTownsHeading")}
        </Text>
        {form.towns.length === 0 && <Text>{t("costTownsEmpty")}</Text>}
        {form.towns.map((town, index) => (
          <TownCard
            key={town.id}
            town={town}
            index={index}
            issueAt={(path) => issuesByInput.get(path)}
            onChange={(patch) => updateTown(index, patch)}
            onRemove={() => removeTown(index)}
          />
        ))}
        <div>
          <Button data-cost-field={ADD_TOWN} onClick={addTown}>
            {t("costAddTown")}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={ids.items}>
        <Text as="h3" size={300} weight="semibold" id={ids.items} className={styles.heading}>
          {t("costItemsHeading")}
        </Text>
        {form.items.length === 0 && <Text>{t("costItemsEmpty")}</Text>}
        {form.items.map((item, index) => (
          <ItemCard
            key={item.id}
            item={item}
            index={index}
            issueAt={(path) => issuesByInput.get(path)}
            onChange={(patch) => updateItem(index, patch)}
            onRemove={() => removeItem(index)}
          />
        ))}
        <div>
          <Button data-cost-field={ADD_ITEM} onClick={addItem}>
            {t("costAddItem")}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={ids.overhead}>
        <Text as="h3" size={300} weight="semibold" id={ids.overhead} className={styles.heading}>
          {t("costOverheadHeading")}
        </Text>
        <OverheadFields
          overhead={form.overhead}
          issueAt={(path) => issuesByInput.get(path)}
          onChange={updateOverhead}
        />
      </section>

      <section className={styles.section} aria-labelledby={ids.findings}>
        <Text as="h3" size={300} weight="semibold" id={ids.findings} className={styles.heading}>
          {t("costFindingsHeading")}
        </Text>
        <Findings
          empty={empty}
          issues={check.issues}
          errorCount={check.errorCount}
          warningCount={check.warningCount}
          onSelect={focusIssue}
        />
      </section>

      <section className={styles.section} aria-labelledby={ids.result}>
        <Text as="h3" size={300} weight="semibold" id={ids.result} className={styles.heading}>
          {t("costResultHeading")}
        </Text>
        {allocation ? (
          <AllocationView
            allocation={allocation}
            hostTowns={check.model.towns.filter((town) => town.isHost).map((town) => town.name)}
            dueDates={advanceDueDates(check.settings)}
          />
        ) : (
          <Text>{!complete ? t("costResultNeedsRows") : t("costResultPending", { count: check.errorCount })}</Text>
        )}
      </section>

      <section className={styles.stack} aria-labelledby={ids.workbook}>
        <Text as="h3" size={300} weight="semibold" id={ids.workbook} className={styles.heading}>
          {t("costWorkbookHeading")}
        </Text>
        <div className={formStyles.grid}>
          <PreparedRowsField
            label={t("costRowsTowns")}
            value={preparedRows.towns}
            problem={rowsProblem}
            table="towns"
            onChange={(towns) => setPreparedRows((rows) => ({ ...rows, towns }))}
          />
          <PreparedRowsField
            label={t("costRowsItems")}
            value={preparedRows.items}
            problem={rowsProblem}
            table="items"
            onChange={(items) => setPreparedRows((rows) => ({ ...rows, items }))}
          />
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void insert()} disabled={busy || rowsProblem !== undefined}>
            {host ? t("costInsertButton") : t("costCreateFileButton")}
          </Button>
          {!host && <Text size={200}>{t("createFileHint")}</Text>}
        </div>
        {insertAction.busy && <Busy label={host ? t("inserting") : t("creatingFile")} />}
        <ErrorBar error={insertAction.error} describe={describe} />
        <div ref={insertResultRef} tabIndex={-1} className={styles.result}>
          {insertOutcome?.kind === "inserted" && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t("inserted", { list: insertOutcome.sheets.join(", ") })}</MessageBarBody>
            </MessageBar>
          )}
          {insertOutcome?.kind === "cancelled" && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("cancelled")}</MessageBarBody>
            </MessageBar>
          )}
          {insertOutcome?.kind === "hasErrors" && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t("costInsertHasErrors", { count: insertOutcome.count })}</MessageBarBody>
            </MessageBar>
          )}
          {insertOutcome?.kind === "file" && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                {t("fileCreated", { file: insertOutcome.download.fileName })}{" "}
                <DownloadLink download={insertOutcome.download} />
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {host && (
          <>
            <Text>{t("costComputeIntro")}</Text>
            <div className={styles.actions}>
              <Button onClick={() => void compute()} disabled={busy}>
                {t("costComputeButton")}
              </Button>
            </div>
            {computeAction.busy && <Busy label={t("costComputing")} />}
            <ErrorBar error={computeAction.error} describe={describeError} />
            <div ref={computeResultRef} tabIndex={-1} className={styles.result}>
              {workbookResult && (
                <WorkbookResult
                  file={workbookResult.file}
                  result={workbookResult.result}
                  onShowProblems={onShowProblems}
                />
              )}
            </div>
          </>
        )}
      </section>

      <ReplaceSheetsDialog conflict={delivery.conflict} onAnswer={delivery.answer} />
    </section>
  );
}

// --- form parts ------------------------------------------------------------------------------------

type IssueAt = (path: string) => ValidationIssue | undefined;

/** A labelled text input; a finding about it is shown under it (not as an alert: it changes while typing). */
function TextField(props: {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly issue: ValidationIssue | undefined;
  readonly onChange: (value: string) => void;
  readonly numeric?: boolean;
  /** The keyboard a touch device shows; `numeric` gives `decimal`. */
  readonly inputMode?: "numeric" | "decimal";
  readonly hint?: string;
}): ReactNode {
  const styles = useCostAllocationPageStyles();
  const { issue } = props;
  return (
    <Field
      label={props.label}
      size="small"
      validationState={issue && issue.severity !== "info" ? issue.severity : "none"}
      {...(issue ? { validationMessage: { children: issue.message, role: "none" } } : {})}
      {...(props.hint === undefined ? {} : { hint: props.hint })}
    >
      <Input
        size="small"
        className={styles.input}
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
        autoComplete="off"
        data-cost-field={props.path}
        {...(props.numeric || props.inputMode ? { inputMode: props.inputMode ?? ("decimal" as const) } : {})}
      />
    </Field>
  );
}

function KeySelect<K extends AllocationKey>(props: {
  readonly label: string;
  readonly path: string;
  readonly value: K;
  readonly keys: readonly K[];
  readonly issue: ValidationIssue | undefined;
  readonly onChange: (key: K) => void;
}): ReactNode {
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  const { issue } = props;
  return (
    <Field
      label={props.label}
      size="small"
      validationState={issue && issue.severity !== "info" ? issue.severity : "none"}
      {...(issue ? { validationMessage: { children: issue.message, role: "none" } } : {})}
    >
      <Select
        size="small"
        className={styles.input}
        value={props.value}
        data-cost-field={props.path}
        onChange={(_, data) => {
          const key = props.keys.find((k) => k === data.value);
          if (key !== undefined) props.onChange(key);
        }}
      >
        {props.keys.map((key) => (
          <option key={key} value={key}>
            {t(KEY_TEXT[key])}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The typed row counts as numbers (NaN for anything but digits, so the check refuses it). */
function PreparedRowsField(props: {
  readonly label: string;
  readonly value: string;
  readonly table: "towns" | "items";
  readonly problem: ReturnType<typeof checkRowCounts>;
  readonly onChange: (value: string) => void;
}): ReactNode {
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  const { problem } = props;
  const message =
    problem?.problem === "range" && problem.table === props.table
      ? t("costRowsRange", { count: problem.min, total: problem.max })
      : problem?.problem === "tooMany" && props.table === "towns"
        ? t("costRowsTooMany", { count: problem.pairRows, total: problem.max })
        : undefined;
  return (
    <Field
      label={props.label}
      size="small"
      hint={t("costRowsHint")}
      validationState={message === undefined ? "none" : "error"}
      {...(message === undefined ? {} : { validationMessage: message })}
    >
      <Input
        size="small"
        className={styles.input}
        value={props.value}
        inputMode="numeric"
        autoComplete="off"
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

/** The name field with „Entfernen“ beside it; the button's accessible name says what it removes. */
function NameRow(props: {
  readonly children: ReactNode;
  readonly removeLabel: string;
  readonly onRemove: () => void;
}): ReactNode {
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  return (
    <div className={styles.nameRow}>
      <div className={styles.grow}>{props.children}</div>
      <Button size="small" appearance="subtle" aria-label={props.removeLabel} onClick={props.onRemove}>
        {t("costRemove")}
      </Button>
    </div>
  );
}

function TownCard(props: {
  readonly town: TownForm;
  readonly index: number;
  readonly issueAt: IssueAt;
  readonly onChange: (patch: Partial<Omit<TownForm, "id">>) => void;
  readonly onRemove: () => void;
}): ReactNode {
  const { town, index, issueAt, onChange } = props;
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  const path = (field: string): string => `towns[${index}].${field}`;
  const names = { row: index + 1, name: town.name.trim() };
  const numberField = (
    field: "population" | "cases" | "workplaces" | "fteShare" | "fixedPercent",
    label: UiTextKey,
  ): ReactNode => (
    <TextField
      label={t(label)}
      path={path(field)}
      value={town[field]}
      issue={issueAt(path(field))}
      onChange={(value) => onChange({ [field]: value })}
      numeric
    />
  );
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{t("costTownLegend", names)}</legend>
      <NameRow removeLabel={t("costRemoveTown", names)} onRemove={props.onRemove}>
        <TextField
          label={t("costTownName")}
          path={path("name")}
          value={town.name}
          issue={issueAt(path("name"))}
          onChange={(name) => onChange({ name })}
        />
      </NameRow>
      <div className={styles.grid}>
        {numberField("population", "costPopulation")}
        <TextField
          label={t("costPopulationDate")}
          path={path("populationDate")}
          value={town.populationDate}
          issue={issueAt(path("populationDate"))}
          onChange={(populationDate) => onChange({ populationDate })}
          hint={t("costDateHint")}
        />
        {numberField("cases", "costCases")}
        {numberField("workplaces", "costWorkplaces")}
        {numberField("fteShare", "costFteShare")}
        {numberField("fixedPercent", "costFixedPercent")}
        <Checkbox
          className={styles.gridEnd}
          checked={town.isHost}
          label={t("costIsHost")}
          data-cost-field={path("isHost")}
          onChange={(_, data) => onChange({ isHost: data.checked === true })}
        />
      </div>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>{t("costActualLegend")}</legend>
        <div className={styles.grid}>
          {ACTUAL_FIELDS.map((field) => (
            <TextField
              key={field}
              label={t(ACTUAL_TEXT[field])}
              path={path(`actual.${field}`)}
              value={town.actual[field]}
              issue={issueAt(path(`actual.${field}`))}
              onChange={(value) => onChange({ actual: { ...town.actual, [field]: value } })}
              numeric
            />
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}

/** Joint unit and budget year: what the workbook's header, footer and annex name. */
function SettingsFields(props: {
  readonly settings: SettingsForm;
  readonly issueAt: IssueAt;
  readonly onChange: (patch: Partial<SettingsForm>) => void;
}): ReactNode {
  const { settings, issueAt, onChange } = props;
  const { language, t } = useLanguage();
  const page = usePageStyles();
  const styles = useCostAllocationPageStyles();
  return (
    <div className={page.stack}>
      <TextField
        label={t("costUnitName")}
        path="settings.unitName"
        value={settings.unitName}
        issue={issueAt("settings.unitName")}
        onChange={(unitName) => onChange({ unitName })}
        hint={t("costUnitNameHint")}
      />
      <div className={styles.grid}>
        <TextField
          label={t("costYear")}
          path="settings.year"
          value={settings.year}
          issue={issueAt("settings.year")}
          onChange={(year) => onChange({ year })}
          inputMode="numeric"
        />
        <TextField
          label={t("costCalculationDate")}
          path="settings.calculationDate"
          value={settings.calculationDate}
          issue={issueAt("settings.calculationDate")}
          onChange={(calculationDate) => onChange({ calculationDate })}
          hint={t("costCalculationDateHint")}
        />
      </div>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>{t("costDueDatesLegend")}</legend>
        <div className={styles.grid}>
          {DUE_DATES.map((due, index) => (
            <TextField
              key={index}
              label={t("costDueDate", { row: index + 1 })}
              path={`settings.dueDates.${index}`}
              value={settings.dueDates[index] ?? ""}
              issue={issueAt(`settings.dueDates.${index}`)}
              onChange={(value) =>
                onChange({ dueDates: settings.dueDates.map((typed, i) => (i === index ? value : typed)) })
              }
              hint={t("costDueDateHint", { detail: due[language] })}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function WeightFields(props: {
  readonly prefix: string;
  readonly weights: WeightInputs;
  readonly issueAt: IssueAt;
  readonly onChange: (weights: WeightInputs) => void;
}): ReactNode {
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  const { weights } = props;
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{t("costWeightsLegend")}</legend>
      <div className={styles.grid}>
        {MIXED_KEY_PARTS.map((part: MixedKeyPart) => {
          const path = `${props.prefix}.mixedWeights.${part}`;
          return (
            <TextField
              key={part}
              label={t("costWeight", { name: t(KEY_TEXT[part]) })}
              path={path}
              value={weights[part]}
              issue={props.issueAt(path)}
              onChange={(value) => props.onChange({ ...weights, [part]: value })}
              numeric
            />
          );
        })}
      </div>
    </fieldset>
  );
}

function ItemCard(props: {
  readonly item: ItemForm;
  readonly index: number;
  readonly issueAt: IssueAt;
  readonly onChange: (patch: Partial<Omit<ItemForm, "id">>) => void;
  readonly onRemove: () => void;
}): ReactNode {
  const { item, index, issueAt, onChange } = props;
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  const prefix = `items[${index}]`;
  const names = { row: index + 1, name: item.name.trim() };
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{t("costItemLegend", names)}</legend>
      <NameRow removeLabel={t("costRemoveItem", names)} onRemove={props.onRemove}>
        <TextField
          label={t("costItemName")}
          path={`${prefix}.name`}
          value={item.name}
          issue={issueAt(`${prefix}.name`)}
          onChange={(name) => onChange({ name })}
        />
      </NameRow>
      <div className={styles.grid}>
        <KeySelect
          label={t("costKey")}
          path={`${prefix}.key`}
          value={item.key}
          keys={ALLOCATION_KEYS}
          issue={issueAt(`${prefix}.key`)}
          onChange={(key) => onChange({ key })}
        />
        {item.key === "flatFeePerCase" ? (
          <TextField
            label={t("costFee")}
            path={`${prefix}.flatFeePerCase`}
            value={item.flatFeePerCase}
            issue={issueAt(`${prefix}.flatFeePerCase`)}
            onChange={(flatFeePerCase) => onChange({ flatFeePerCase })}
            hint={t("costFeeHint")}
            numeric
          />
        ) : (
          <>
            <TextField
              label={t("costAmount")}
              path={`${prefix}.amount`}
              value={item.amount}
              issue={issueAt(`${prefix}.amount`)}
              onChange={(amount) => onChange({ amount })}
              numeric
            />
            <TextField
              label={t("costActualAmount")}
              path={`${prefix}.actualAmount`}
              value={item.actualAmount}
              issue={issueAt(`${prefix}.actualAmount`)}
              onChange={(actualAmount) => onChange({ actualAmount })}
              hint={t("costActualHint")}
              numeric
            />
          </>
        )}
      </div>
      {item.key === "mixed" && (
        <WeightFields
          prefix={prefix}
          weights={item.weights}
          issueAt={issueAt}
          onChange={(weights) => onChange({ weights })}
        />
      )}
    </fieldset>
  );
}

function OverheadFields(props: {
  readonly overhead: OverheadForm;
  readonly issueAt: IssueAt;
  readonly onChange: (patch: Partial<OverheadForm>) => void;
}): ReactNode {
  const { overhead, issueAt, onChange } = props;
  const { t } = useLanguage();
  const page = usePageStyles();
  return (
    <>
      <Checkbox
        checked={overhead.enabled}
        label={t("costOverheadEnable")}
        onChange={(_, data) => onChange({ enabled: data.checked === true })}
      />
      {overhead.enabled && (
        <>
          <div className={page.stack}>
            <TextField
              label={t("costOverheadName")}
              path="overhead.name"
              value={overhead.name}
              issue={issueAt("overhead.name")}
              onChange={(name) => onChange({ name })}
            />
            <TextField
              label={t("costOverheadPercent")}
              path="overhead.percent"
              value={overhead.percent}
              issue={issueAt("overhead.percent")}
              onChange={(percent) => onChange({ percent })}
              numeric
            />
            <KeySelect
              label={t("costOverheadKey")}
              path="overhead.key"
              value={overhead.key}
              keys={OVERHEAD_KEYS}
              issue={issueAt("overhead.key")}
              onChange={(key) => onChange({ key })}
            />
          </div>
          {overhead.key === "mixed" && (
            <WeightFields
              prefix="overhead"
              weights={overhead.weights}
              issueAt={issueAt}
              onChange={(weights) => onChange({ weights })}
            />
          )}
        </>
      )}
    </>
  );
}

// --- findings --------------------------------------------------------------------------------------

/** „Kostenposition 2 › Jahresbetrag (€)“: where a finding points, in the form's own words. */
function locationText(location: FormLocation, t: ReturnType<typeof useLanguage>["t"]): string {
  const field = (name: string | undefined): string => {
    const key = name === undefined ? undefined : FIELD_TEXT[name];
    return key === undefined ? "" : t(key);
  };
  const part = (p: MixedKeyPart | undefined): string =>
    p === undefined ? "" : t("costWeight", { name: t(KEY_TEXT[p]) });
  const actual = (name: string | undefined): string => {
    const key = ACTUAL_FIELDS.find((f) => f === name);
    return key === undefined ? "" : t(ACTUAL_TEXT[key]);
  };
  const join = (...parts: string[]): string => parts.filter((p) => p !== "").join(" › ");
  switch (location.kind) {
    case "towns":
      return t("costLocTowns");
    case "items":
      return t("costLocItems");
    case "settings":
      return join(
        t("costSettingsHeading"),
        location.field === "dueDates"
          ? t("costDueDate", { row: (location.index ?? 0) + 1 })
          : t(SETTINGS_TEXT[location.field]),
      );
    case "allTowns":
      return join(t("costLocAllTowns"), location.actual ? actual(location.field) : field(location.field));
    case "town":
      return join(
        t("costLocTown", { row: location.index + 1 }),
        location.actual ? actual(location.field) : field(location.field),
      );
    case "item":
      return join(
        t("costLocItem", { row: location.index + 1 }),
        location.part ? part(location.part) : field(location.field),
      );
    case "overhead":
      return join(t("costOverheadHeading"), location.part ? part(location.part) : field(location.field));
  }
}

function Findings(props: {
  readonly empty: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly onSelect: (location: FormLocation) => void;
}): ReactNode {
  const { language, t } = useLanguage();
  const styles = usePageStyles();
  if (props.empty) return <Text>{t("costFindingsEmpty")}</Text>;
  return (
    <>
      <Text role="status" weight="semibold">
        {props.issues.length === 0
          ? t("costFindingsNone")
          : [t("countErrors", { count: props.errorCount }), t("countWarnings", { count: props.warningCount })].join(
              " · ",
            )}
      </Text>
      {props.issues.length > 0 && (
        <>
          <Text size={200}>{t("costFindingHint")}</Text>
          <ul className={styles.issueList}>
            {props.issues.map((issue, index) => {
              const location = locateIssue(issue.path ?? "");
              return (
                <li key={`${issue.path}-${index}`}>
                  <Button appearance="subtle" className={styles.issueButton} onClick={() => props.onSelect(location)}>
                    <span className={styles.issueText}>
                      <span>
                        <strong>
                          {renderTerm(issue.severity === "error" ? "severityError" : "severityWarning", language)}
                        </strong>{" "}
                        · {locationText(location, t)}
                      </span>
                      <span>{issue.message}</span>
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

// --- result ----------------------------------------------------------------------------------------

/** A table wider than the pane: scrolls sideways, reachable and named for keyboard users. */
function ScrollTable(props: { readonly label: string; readonly children: ReactNode }): ReactNode {
  const { t } = useLanguage();
  const styles = useCostAllocationPageStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={t("costScrollRegion", { name: props.label })} tabIndex={0}>
      {props.children}
    </div>
  );
}

/**
 * Totals per town, the proof of completeness, the item × town matrix, the quarterly advances and,
 * when the model holds actual values (a workbook can), the year-end true-up.
 */
function AllocationView(props: {
  readonly allocation: Allocation;
  readonly hostTowns: readonly string[];
  /** When each advance is due (as the annex says), per quarter; undefined where nothing says so. */
  readonly dueDates: readonly (Date | undefined)[];
  /** The result read from the workbook: its tables are named apart from the form's. */
  readonly fromWorkbook?: boolean;
}): ReactNode {
  const { allocation } = props;
  const { language, t } = useLanguage();
  const page = usePageStyles();
  const styles = useCostAllocationPageStyles();
  const completeness = checkCompleteness(allocation);
  /** A table's name; for the workbook's result it says so (screen readers meet both results), the visible caption stays short. */
  const label = (key: UiTextKey): string => (props.fromWorkbook ? `${t(key)} – ${t("costFromWorkbook")}` : t(key));
  const euros = (cents: number): string => formatEuros(cents, language);
  const towns = allocation.totals.map((total) => total.town);
  const planRows = completeness.items.filter((item) => item.scenario === "plan").length;
  const withActual = completeness.items.some((item) => item.scenario === "actual");
  const mismatches = [
    ...completeness.items
      .filter((item) => !item.complete)
      .map((item) =>
        t("costCheckMismatch", {
          name: item.scenario === "actual" ? t("costCheckActualRow", { name: item.name }) : item.name,
          sum: euros(item.sharesCents),
          amount: euros(item.amountCents),
        }),
      ),
    ...(completeness.totalsComplete ? [] : [t("costCheckTotals")]),
  ];
  const rows = [
    ...allocation.items.map((item) => ({ item, label: item.name, note: t(KEY_TEXT[item.key]) })),
    ...(allocation.overhead
      ? [
          {
            item: allocation.overhead,
            label: t("costOverheadRow", { detail: formatNumber(allocation.overhead.percent, language) }),
            note: t(KEY_TEXT[allocation.overhead.key]),
          },
        ]
      : []),
  ];
  return (
    <div className={page.stack}>
      <Text className={completeness.complete ? styles.checkOk : styles.checkFailed}>
        {completeness.complete
          ? `${t("costCheckOk", { count: planRows })}${withActual ? ` ${t("costCheckActualToo")}` : ""}`
          : t("costCheckFailed", { list: mismatches.join("; ") })}
      </Text>

      <Table size="small" aria-label={label("costTotalsCaption")} className={styles.table}>
        <caption className={page.caption}>{t("costTotalsCaption")}</caption>
        <TableHeader>
          <TableRow>
            <th scope="col" className={styles.columnHeader}>
              {t("costColumnTown")}
            </th>
            <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
              {t("costColumnAnnual")}
            </th>
            <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
              {t("costColumnShare")}
            </th>
          </TableRow>
        </TableHeader>
        <TableBody>
          {allocation.totals.map((total, index) => (
            <TableRow key={index}>
              <th scope="row" className={styles.rowHeader}>
                {total.town}
                {props.hostTowns.includes(total.town) && <span className={styles.keyNote}>{t("costHostMark")}</span>}
              </th>
              <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>{euros(total.cents)}</TableCell>
              <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>
                {SHARE_FORMATS[language].format(total.shareOfTotal)}
              </TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.sumRow}>
            <th scope="row" className={mergeClasses(styles.rowHeader, styles.sumHeader)}>
              {t("costTotalRow")}
            </th>
            <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>{euros(allocation.totalCents)}</TableCell>
            <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>
              {SHARE_FORMATS[language].format(allocation.totalCents > 0 ? 1 : 0)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>

      <ScrollTable label={label("costMatrixCaption")}>
        <Table size="small" aria-label={label("costMatrixCaption")} className={styles.wideTable}>
          <caption className={page.caption}>{t("costMatrixCaption")}</caption>
          <TableHeader>
            <TableRow>
              <th scope="col" className={styles.columnHeader}>
                {t("costColumnItem")}
              </th>
              {towns.map((town, index) => (
                <th key={index} scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                  {town}
                </th>
              ))}
              <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                {t("costColumnAmount")}
              </th>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ item, label, note }, index) => (
              <TableRow key={index}>
                <th scope="row" className={mergeClasses(styles.rowHeader, styles.itemHeader)}>
                  {label}
                  <span className={styles.keyNote}>{note}</span>
                </th>
                {item.shares.map((share, townIndex) => (
                  <TableCell key={townIndex} className={mergeClasses(page.numeric, styles.nowrap)}>
                    {euros(share.cents)}
                  </TableCell>
                ))}
                <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>{euros(item.amountCents)}</TableCell>
              </TableRow>
            ))}
            <TableRow className={styles.sumRow}>
              <th scope="row" className={mergeClasses(styles.rowHeader, styles.sumHeader)}>
                {t("costTotalRow")}
              </th>
              {allocation.totals.map((total, index) => (
                <TableCell key={index} className={mergeClasses(page.numeric, styles.nowrap)}>
                  {euros(total.cents)}
                </TableCell>
              ))}
              <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>
                {euros(allocation.totalCents)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>

      <ScrollTable label={label("costAdvancesCaption")}>
        <Table size="small" aria-label={label("costAdvancesCaption")} className={styles.wideTable}>
          <caption className={page.caption}>{t("costAdvancesCaption")}</caption>
          <TableHeader>
            <TableRow>
              <th scope="col" className={styles.columnHeader}>
                {t("costColumnTown")}
              </th>
              {[1, 2, 3, 4].map((quarter) => {
                const due = props.dueDates[quarter - 1];
                return (
                  <th key={quarter} scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                    {t("costQuarter", { row: quarter })}
                    {due && <span className={styles.keyNote}>{t("costDueOn", { detail: formatDate(due) })}</span>}
                  </th>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {allocation.advances.map((advance, index) => (
              <TableRow key={index}>
                <th scope="row" className={styles.rowHeader}>
                  {advance.town}
                </th>
                {advance.quarters.map((cents, quarter) => (
                  <TableCell key={quarter} className={mergeClasses(page.numeric, styles.nowrap)}>
                    {euros(cents)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>

      {allocation.trueUp && (
        <ScrollTable label={label("costTrueUpCaption")}>
          <Table size="small" aria-label={label("costTrueUpCaption")} className={styles.wideTable}>
            <caption className={page.caption}>{t("costTrueUpCaption")}</caption>
            <TableHeader>
              <TableRow>
                <th scope="col" className={styles.columnHeader}>
                  {t("costColumnTown")}
                </th>
                <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                  {t("costColumnPlan")}
                </th>
                <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                  {t("costColumnActual")}
                </th>
                <th scope="col" className={mergeClasses(styles.columnHeader, styles.numericHeader)}>
                  {t("costColumnSettlement")}
                </th>
              </TableRow>
            </TableHeader>
            <TableBody>
              {allocation.trueUp.map((row, index) => (
                <TableRow key={index}>
                  <th scope="row" className={styles.rowHeader}>
                    {row.town}
                  </th>
                  <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>{euros(row.planCents)}</TableCell>
                  <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>{euros(row.actualCents)}</TableCell>
                  <TableCell className={mergeClasses(page.numeric, styles.nowrap)}>
                    {row.differenceCents > 0
                      ? t("costBackPayment", { amount: euros(row.differenceCents) })
                      : row.differenceCents < 0
                        ? t("costRefund", { amount: euros(-row.differenceCents) })
                        : t("costSettled")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </div>
  );
}

function WorkbookResult(props: {
  readonly file: string;
  readonly result: WorkbookAllocation;
  readonly onShowProblems: () => void;
}): ReactNode {
  const { result } = props;
  const { t } = useLanguage();
  const page = usePageStyles();
  switch (result.kind) {
    case "notCostAllocation":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("costNotCostAllocation")}</MessageBarBody>
        </MessageBar>
      );
    case "notComputable":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("notComputable", { count: result.errorCount })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onShowProblems}>{t("showProblems")}</Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "empty":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("costWorkbookEmpty")}</MessageBarBody>
        </MessageBar>
      );
    case "ok":
      return (
        <div className={page.stack}>
          <Text as="h4" size={300} weight="semibold" className={page.heading}>
            {t("costWorkbookResultHeading", { file: props.file })}
          </Text>
          <AllocationView
            allocation={result.allocation}
            hostTowns={result.model.towns.filter((town) => town.isHost).map((town) => town.name)}
            dueDates={advanceDueDates(result.settings)}
            fromWorkbook
          />
        </div>
      );
  }
}
