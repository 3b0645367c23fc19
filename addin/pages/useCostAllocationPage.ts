/**
 * The state of „Kostenverteilung“ (see CostAllocationPage.tsx): the form and its live check, the
 * allocation, inserting the model into the workbook (or offering it as a file) and computing it
 * back from the workbook — everything the page shows and does, without drawing it.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { Allocation, CostModel } from "../../lib/allocation/model.js";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { MIN_ITEM_ROWS, MIN_TOWN_ROWS } from "../../templates/kostenverteilung/layout.js";
import {
  checkRowCounts,
  DEMO_COST_MODEL,
  DEMO_SETTINGS,
  type CostModelRows,
} from "../../templates/kostenverteilung/plan.js";
import {
  checkCostForm,
  costFormFromModel,
  emptyItemForm,
  emptyTownForm,
  EMPTY_COST_FORM,
  inputPathOf,
  isEmptyCostForm,
  locateIssue,
  type CostForm,
  type FormLocation,
  type ItemForm,
  type OverheadForm,
  type SettingsForm,
  type TownForm,
} from "../actions/costAllocationForm.js";
import {
  allocateFromWorkbook,
  planCostModelWorkbook,
  UnsupportedCostModelError,
  type WorkbookAllocation,
} from "../actions/costAllocationWorkbook.js";
import { useInsertOrDownload, type DeliveryOutcome } from "../components/useInsertOrDownload.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";
import { uiText } from "../messages.js";
import { useAction } from "../useAction.js";
import { useLanguage } from "../useLanguage.js";

export interface CostAllocationPageProps {
  /** The open workbook (Excel, or a picked file); undefined: inserting makes a new file. */
  readonly host: WorkbookHost | undefined;
  readonly describeError?: HostErrorDescriber | undefined;
  /** Switches to „Prüfen“ and checks the workbook. */
  readonly onShowProblems: () => void;
}

/** `data-cost-field` of the „add“ buttons: focused for findings about a whole list and after a removal. */
export const ADD_TOWN = "towns.add";
export const ADD_ITEM = "items.add";

/** The example was loaded or the form cleared; `previous` holds what was entered before (for „Rückgängig“). */
interface Notice {
  readonly kind: "demo" | "clear";
  readonly previous?: CostForm;
}

/** What „In Arbeitsmappe einfügen“ did: inserted, offered as a file, cancelled — or nothing, the entries having errors. */
type InsertOutcome = DeliveryOutcome | { readonly kind: "hasErrors"; readonly count: number };

/** The allocation of a model the form or the workbook holds, or undefined where the library refuses it. */
function tryAllocate(model: CostModel): Allocation | undefined {
  try {
    return allocateCosts(model);
  } catch {
    return undefined; // the findings say why
  }
}

export function parsedRows(typed: { readonly towns: string; readonly items: string }): CostModelRows {
  const number = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  return { towns: number(typed.towns), items: number(typed.items) };
}

/** How many rows the inserted workbook prepares for towns or items; says the limits when refused. */
/** Everything „Kostenverteilung“ shows and does; drawn by renderCostAllocationPage. */
export type CostAllocationPageState = ReturnType<typeof useCostAllocationPage>;

/** The page's state and actions. */

export function useCostAllocationPage(props: CostAllocationPageProps) {
  const { host } = props;
  const { language, t } = useLanguage();
  const ids = {
    heading: useId(),
    settings: useId(),
    towns: useId(),
    items: useId(),
    overhead: useId(),
    findings: useId(),
    result: useId(),
    workbook: useId(),
  };
  const [form, setForm] = useState<CostForm>(EMPTY_COST_FORM);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  /** The entries' error count when „einfügen“ refused them (else undefined). */
  const [refusedErrors, setRefusedErrors] = useState<number | undefined>(undefined);
  // prepared rows of the workbook, as typed: more for a larger partnership than the defaults
  const [preparedRows, setPreparedRows] = useState({ towns: String(MIN_TOWN_ROWS), items: String(MIN_ITEM_ROWS) });
  const rowsProblem = checkRowCounts(parsedRows(preparedRows));
  const [workbookResult, setWorkbookResult] = useState<
    { readonly file: string; readonly result: WorkbookAllocation } | undefined
  >(undefined);
  const insertAction = useAction();
  const computeAction = useAction();
  const delivery = useInsertOrDownload();
  const insertOutcome: InsertOutcome | undefined =
    refusedErrors === undefined ? delivery.outcome : { kind: "hasErrors", count: refusedErrors };
  const pageRef = useRef<HTMLElement>(null);
  const insertResultRef = useRef<HTMLDivElement>(null);
  const computeResultRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);

  const empty = isEmptyCostForm(form);
  const check = useMemo(() => checkCostForm(form, language), [form, language]);
  const complete = form.towns.length > 0 && form.items.length > 0;
  const allocation = useMemo(
    () => (complete && check.errorCount === 0 ? tryAllocate(check.model) : undefined),
    [check, complete],
  );
  /** Findings per input they point at, for the message under the field. */
  const issuesByInput = useMemo(() => {
    const map = new Map<string, ValidationIssue>();
    for (const issue of check.issues) {
      const path = inputPathOf(locateIssue(issue.path ?? ""), form);
      if (path !== undefined && !map.has(path)) map.set(path, issue);
    }
    return map;
  }, [check, form]);

  useEffect(() => {
    const path = pendingFocus.current;
    if (path === undefined) return;
    pendingFocus.current = undefined;
    focusInput(path);
  });
  useEffect(() => {
    if (refusedErrors !== undefined || (delivery.outcome && delivery.outcome.kind !== "file"))
      insertResultRef.current?.focus();
  }, [delivery.outcome, refusedErrors]);
  useEffect(() => {
    if (workbookResult) computeResultRef.current?.focus();
  }, [workbookResult]);
  useEffect(() => {
    setWorkbookResult(undefined);
    setRefusedErrors(undefined);
    delivery.reset();
  }, [host, delivery.reset]);

  function focusInput(path: string): void {
    pageRef.current?.querySelector<HTMLElement>(`[data-cost-field="${path}"]`)?.focus();
  }

  const focusIssue = (location: FormLocation): void => {
    const path = inputPathOf(location, form);
    if (path !== undefined) focusInput(path);
    else focusInput(location.kind === "towns" || location.kind === "allTowns" ? ADD_TOWN : ADD_ITEM);
  };

  // --- editing ---------------------------------------------------------------------------------
  /** An edit by the user: the undo of an earlier „Beispiel laden“/„leeren“ would now lose it, so it goes. */
  const edit = (update: (f: CostForm) => CostForm): void => {
    setForm(update);
    setNotice((current) => (current?.previous ? { kind: current.kind } : current));
  };
  const updateTown = (index: number, patch: Partial<Omit<TownForm, "id">>): void =>
    edit((f) => ({ ...f, towns: f.towns.map((town, i) => (i === index ? { ...town, ...patch } : town)) }));
  const updateItem = (index: number, patch: Partial<Omit<ItemForm, "id">>): void =>
    edit((f) => ({ ...f, items: f.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const updateOverhead = (patch: Partial<OverheadForm>): void =>
    edit((f) => ({ ...f, overhead: { ...f.overhead, ...patch } }));
  const updateSettings = (patch: Partial<SettingsForm>): void =>
    edit((f) => ({ ...f, settings: { ...f.settings, ...patch } }));
  const addTown = (): void => {
    pendingFocus.current = `towns[${form.towns.length}].name`;
    edit((f) => ({ ...f, towns: [...f.towns, emptyTownForm()] }));
  };
  const removeTown = (index: number): void => {
    edit((f) => ({ ...f, towns: f.towns.filter((_, i) => i !== index) }));
    focusInput(ADD_TOWN);
  };
  const addItem = (): void => {
    pendingFocus.current = `items[${form.items.length}].name`;
    edit((f) => ({ ...f, items: [...f.items, emptyItemForm()] }));
  };
  const removeItem = (index: number): void => {
    edit((f) => ({ ...f, items: f.items.filter((_, i) => i !== index) }));
    focusInput(ADD_ITEM);
  };
  /** Loads the example or clears the form at once; what was entered stays one click away („Rückgängig“). */
  const replaceForm = (kind: Notice["kind"]): void => {
    setNotice({ kind, ...(empty ? {} : { previous: form }) });
    setForm(kind === "demo" ? costFormFromModel(DEMO_COST_MODEL, language, DEMO_SETTINGS) : EMPTY_COST_FORM);
    setRefusedErrors(undefined);
    delivery.reset();
  };
  const undoReplace = (): void => {
    const previous = notice?.previous;
    if (!previous) return;
    setForm(previous);
    setNotice(undefined);
    // the undo button goes with the notice: the focus goes to the first field restored
    pendingFocus.current =
      previous.towns.length > 0 ? "towns[0].name" : previous.items.length > 0 ? "items[0].name" : "settings.unitName";
  };

  // --- workbook --------------------------------------------------------------------------------
  const describe: HostErrorDescriber = (error, lang) =>
    error instanceof UnsupportedCostModelError
      ? uiText("costUnsupported", lang, { detail: error.message })
      : props.describeError?.(error, lang);

  const insert = (): Promise<void> =>
    insertAction.run(async () => {
      setRefusedErrors(undefined);
      delivery.reset();
      if (check.errorCount > 0 && !empty) {
        setRefusedErrors(check.errorCount);
        return;
      }
      if (rowsProblem) return;
      const plan = planCostModelWorkbook(check.model, language, parsedRows(preparedRows), check.settings);
      await delivery.deliver(plan, { host });
    });

  const compute = (): Promise<void> =>
    computeAction.run(async () => {
      if (!host) return;
      setWorkbookResult(undefined);
      const snapshot = await host.readSnapshot();
      setWorkbookResult({ file: host.name, result: allocateFromWorkbook(snapshot, language) });
    });

  const busy = insertAction.busy || computeAction.busy;
  return {
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
    describeError: props.describeError,
    onShowProblems: props.onShowProblems,
    insert,
    compute,
    busy,
  };
}
