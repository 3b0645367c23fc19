import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import { taskCatalogueGuide } from "./guide.js";
import { CLASS_THRESHOLD_RANGE, SCORE_DECIMALS } from "../../lib/scoring/scoreTasks.js";
import type { ColumnSpec, FormulaContext, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { contactField, dateInput, emailField, listInput, townNameField } from "../common/columns.js";
import { PRODUCT_FRAMEWORK, RESPONSIBILITY_LABELS } from "../reference/productFramework.js";
import { CHECK_MARK, anyRowProblem, formulaText, numberRowConditions, shortLabel } from "../common/cellChecks.js";
import { CRITERIA, DEFAULT_THRESHOLDS, RATING_SCALE_MAX } from "./criteria.js";
import { TASK_KINDS } from "./taskKinds.js";

/** Sheet keys of the task catalogue. */
export const SHEET = {
  town: "town",
  criteria: "criteria",
  tasks: "tasks",
  framework: "framework",
  lists: "lists",
} as const;

const rating = (key: string, label: ColumnSpec["label"], hint: ColumnSpec["label"]): ColumnSpec => ({
  key,
  label,
  type: "rating",
  kind: "input",
  min: 0,
  max: RATING_SCALE_MAX,
  numberFormat: "0",
  width: 14,
  hint,
});

const criterion = (key: string) => {
  const found = CRITERIA.find((c) => c.key === key);
  if (!found) throw new Error(`unknown criterion ${key}`);
  return found;
};

/**
 * Conditions, any of them TRUE when a task row cannot be trusted: its code or name is missing, or
 * a number cell holds what the reader refuses (text, below 0, a rating other than 0–3, a fraction of a case, more decimals
 * than the column allows, a number too large to be what was typed) — the rules of
 * lib/validation/parseCell.ts, taken from the column specs and checked over ranges
 * ({@link numberRowConditions}), so the condition stays short in each of the many rows.
 */
export function taskRowConditions(ctx: FormulaContext): string[] {
  const numbers = TASK_COLUMNS.filter((c) => c.kind === "input").map((column) => ({
    column,
    cell: ctx.cell(column.key),
  }));
  return [`${ctx.cell("code")}=""`, `${ctx.cell("name")}=""`, ...numberRowConditions(numbers)];
}

/**
 * Conditions, either TRUE when the criteria weights cannot be used: one is empty, not a number or
 * below 0, or all are 0 (the reader's and {@link checkTaskCatalogue}'s rules) — not all of them
 * are numbers ≥ 0, or their sum is not above 0.
 */
export function weightsInvalidConditions(ctx: Pick<FormulaContext, "columnRange">): string[] {
  const weights = ctx.columnRange("weight", SHEET.criteria);
  return [`COUNTIF(${weights},">=0")<${CRITERIA.length}`, `SUM(${weights})<=0`];
}

/**
 * TRUE while a class threshold is out of the rule of {@link thresholdProblem} (empty, text, outside
 * 0–100, between 0 and 1 — a percentage such as „66 %“ stored as 0.66) or A is not above B.
 * Short for the many rows, the same rule: with B ≥ 0 and A above B, A is above 0, so it must be
 * at least 1 and at most 100; B must not be below 0 nor between 0 and 1. An error value in either
 * cell counts as unusable.
 */
export function thresholdsInvalidFormula(ctx: Pick<FormulaContext, "named">): string {
  const a = ctx.named(`${SHEET.town}.classAThreshold`);
  const b = ctx.named(`${SHEET.town}.classBThreshold`);
  return `IFERROR(OR(COUNT(${a},${b})<2,${a}>${CLASS_THRESHOLD_RANGE.max},${a}<1,${a}<=${b},AND(${b}<>0,${b}<1)),1)`;
}

/** TRUE when `cell` holds a usable class threshold: a number from 0 to 100, and not between 0 and 1. */
export function thresholdValidFormula(cell: string): string {
  return `AND(ISNUMBER(${cell}),${cell}>=${CLASS_THRESHOLD_RANGE.min},${cell}<=${CLASS_THRESHOLD_RANGE.max},OR(${cell}=0,${cell}>=1))`;
}

/** The class cell of a row that has a score, while the weights are not usable. */
export const WEIGHTS_INVALID_TEXT = {
  de: `${CHECK_MARK} Gewichte: siehe Blatt Kriterien`,
  en: `${CHECK_MARK} weights: see sheet Criteria`,
} as const;
/** The class cell of a row that has a score, while the class thresholds are not usable. */
export const THRESHOLDS_INVALID_TEXT = {
  de: `${CHECK_MARK} Schwellen: siehe Blatt Kommune`,
  en: `${CHECK_MARK} thresholds: see sheet Town`,
} as const;

/** The class cell of a used row whose score is empty while the weights are fine: its inputs break a rule. */
export const ROW_INVALID_TEXT = {
  de: `${CHECK_MARK} Eingaben prüfen: Zahlen ab 0, Bewertungen 0–3 ganzzahlig`,
  en: `${CHECK_MARK} check inputs: numbers from 0, ratings 0–3 whole`,
} as const;

/**
 * The score of one task row, as an in-sheet formula: each criterion's value divided by its
 * maximum (the town's largest value for measured criteria, 3 for ratings), weighted, summed in
 * the order of {@link CRITERIA}, scaled to 0–100 and rounded to 9 decimals. `scoreTasks` in
 * lib/scoring computes exactly this, operation by operation.
 *
 * Empty while the row's inputs ({@link taskRowConditions}) or the weights cannot be trusted: the
 * class cell then says why. The library computes nothing from such a workbook (its validation
 * reports the same cells as errors).
 */
export function taskScoreFormula(ctx: FormulaContext): string {
  const terms = CRITERIA.map((c) => {
    const weight = ctx.named(`${SHEET.criteria}.${c.key}.weight`);
    if (c.kind === "rated") return `${weight}*(${ctx.cell(c.key)}/${RATING_SCALE_MAX})`;
    const maximum = ctx.named(`${SHEET.criteria}.${c.key}.maximum`);
    // the lib's „0 when the maximum is 0“: then the row's value is 0 or empty (negatives make the
    // row untrusted), and 0 divided by anything but 0 is 0; above 0 the division is the same
    return `${weight}*(${ctx.cell(c.key)}/MAX(${maximum},1E-300))`;
  });
  const weights = CRITERIA.map((c) => ctx.named(`${SHEET.criteria}.${c.key}.weight`));
  // empty, too, on a row without any figure or rating (not rated yet)
  const untrusted = anyRowProblem([
    ...taskRowConditions(ctx),
    `${numberInputs(ctx)}=0`,
    ...weightsInvalidConditions(ctx),
  ]);
  return `IF(${untrusted},"",ROUND(100*(${terms.join("+")})/(${weights.join("+")}),${SCORE_DECIMALS}))`;
}

/**
 * How many of a row's figures and ratings (FTE to the last rating, annual cost included) hold
 * anything: 0 for a row nobody has rated yet (a pre-filled product), whose score, rank and class
 * stay empty — and which `computePriorities` leaves out.
 */
export function numberInputs(ctx: FormulaContext): string {
  const numbers = TASK_COLUMNS.filter(
    (c) => c.kind === "input" && c.type !== "text" && c.type !== "code" && c.type !== "list",
  );
  const first = numbers[0]?.key ?? "fte";
  const last = numbers[numbers.length - 1]?.key ?? "specialisation";
  return `COUNTA(${ctx.cell(first)}:${ctx.cell(last)})`;
}

/** Rank within the town: 1 = highest score; equal scores share a rank; empty without a score. */
export function taskRankFormula(ctx: FormulaContext): string {
  const score = ctx.cell("score");
  return `IF(COUNT(${score}),RANK(${score},${ctx.columnRange("score")}),"")`;
}

/**
 * Class A/B/C from the editable thresholds on the town sheet — or, where the result cannot be
 * trusted, „✗“ and the reason: „Produktcode fehlt“ for a row with entries but no code; for a row
 * without a score the weights, else its inputs ({@link ROW_INVALID_TEXT}: which cell and why is
 * `ikz validate`'s job); the thresholds (never a class computed from unusable thresholds). The
 * row's rules are not repeated here: the score is empty exactly when they fail.
 */
export function taskClassFormula(ctx: FormulaContext): string {
  const score = ctx.cell("score");
  const language = ctx.language;
  const code = ctx.cell("code");
  const others = TASK_COLUMNS.filter((c) => c.kind === "input" && c.key !== "code").map((c) => ctx.cell(c.key));
  const first = others[0] ?? code;
  const last = others[others.length - 1] ?? code;
  const codeLabel = TASK_COLUMNS.find((c) => c.key === "code")?.label ?? { de: "Produktcode", en: "Product code" };
  const noCode = formulaText(
    `${CHECK_MARK} ${shortLabel({ label: codeLabel }, language)}: ${language === "de" ? "fehlt" : "missing"}`,
  );
  const why = `IF(OR(${weightsInvalidConditions(ctx).join(",")}),${formulaText(WEIGHTS_INVALID_TEXT[language])},${formulaText(ROW_INVALID_TEXT[language])})`;
  const a = ctx.named(`${SHEET.town}.classAThreshold`);
  const b = ctx.named(`${SHEET.town}.classBThreshold`);
  return (
    `IF(${code}="",IF(COUNTA(${first}:${last}),${noCode},""),IF(${numberInputs(ctx)},` +
    `IF(COUNT(${score}),` +
    `IF(${thresholdsInvalidFormula(ctx)},${formulaText(THRESHOLDS_INVALID_TEXT[language])},` +
    `IF(${score}>=${a},"A",IF(${score}>=${b},"B","C"))),${why}),""))`
  );
}

/** The maximum a criterion is normalised by: the town's largest value, or the rating scale's top. */
export function criterionMaximumFormula(ctx: FormulaContext): string {
  const definition = CRITERIA.find((c) => c.key === ctx.rowKey);
  if (!definition) throw new Error(`no criterion for row ${ctx.rowKey ?? "?"}`);
  return definition.kind === "measured"
    ? `MAX(${ctx.columnRange(definition.key, SHEET.tasks)})`
    : `${RATING_SCALE_MAX}`;
}

/** The columns of the task list, in sheet order. */
const TASK_COLUMNS: readonly ColumnSpec[] = [
  {
    key: "code",
    label: { de: "Produktcode", en: "Product code" },
    type: "code",
    kind: "input",
    required: true,
    list: { key: "productCodes", allowOther: true },
    numberFormat: "@",
    width: 13,
    hint: {
      de: "Code aus dem Produktrahmen oder eigener Code",
      en: "Code from the product framework or the town's own code",
    },
  },
  {
    key: "name",
    label: { de: "Bezeichnung", en: "Name" },
    type: "text",
    kind: "input",
    required: true,
    width: 38,
  },
  listInput("taskKind", { de: "Aufgabenart", en: "Kind of task" }, "taskKinds", 24),
  {
    key: "unit",
    label: { de: "Organisationseinheit", en: "Organisational unit" },
    type: "text",
    kind: "input",
    width: 21,
  },
  {
    key: "fte",
    label: { de: "VZÄ", en: "FTE" },
    type: "decimal",
    kind: "input",
    min: 0,
    maxDecimals: 2,
    numberFormat: "0.00",
    width: 8,
    hint: { de: "Vollzeitäquivalente, z. B. 0,75", en: "Full-time equivalents, e.g. 0.75" },
  },
  {
    key: "casesPerYear",
    label: { de: "Fallzahl pro Jahr", en: "Cases per year" },
    type: "integer",
    kind: "input",
    min: 0,
    numberFormat: "#,##0",
    width: 10,
  },
  {
    key: "minutesPerCase",
    label: { de: "Minuten je Fall", en: "Minutes per case" },
    type: "decimal",
    kind: "input",
    min: 0,
    numberFormat: "0.0",
    width: 9,
  },
  {
    key: "annualCost",
    label: { de: "Jahreskosten (€)", en: "Annual cost (€)" },
    type: "currency",
    kind: "input",
    min: 0,
    maxDecimals: 2,
    numberFormat: '#,##0.00 "€"',
    width: 13,
  },
  rating(
    "strategicImportance",
    { de: "Strategische Bedeutung (0–3)", en: "Strategic importance (0–3)" },
    criterion("strategicImportance").explanation,
  ),
  rating(
    "politicalSignificance",
    { de: "Politische Bedeutsamkeit (0–3)", en: "Political significance (0–3)" },
    criterion("politicalSignificance").explanation,
  ),
  rating(
    "financialLegalRelevance",
    { de: "Finanzielle/rechtliche Relevanz (0–3)", en: "Financial/legal relevance (0–3)" },
    criterion("financialLegalRelevance").explanation,
  ),
  rating(
    "needForAction",
    { de: "Handlungsbedarf (0–3)", en: "Need for action (0–3)" },
    criterion("needForAction").explanation,
  ),
  rating(
    "specialisation",
    { de: "Eigene Spezialisierung (0–3)", en: "Own specialisation (0–3)" },
    criterion("specialisation").explanation,
  ),
  { key: "note", label: { de: "Bemerkung", en: "Note" }, type: "text", kind: "input", width: 24 },
  {
    key: "score",
    label: { de: "Punkte (0–100)", en: "Score (0–100)" },
    type: "decimal",
    kind: "computed",
    numberFormat: "0.0",
    width: 10,
    formula: taskScoreFormula,
  },
  {
    key: "rank",
    label: { de: "Rang", en: "Rank" },
    type: "integer",
    kind: "computed",
    numberFormat: "0",
    width: 7,
    align: "center",
    formula: taskRankFormula,
  },
  {
    key: "class",
    label: { de: "Klasse", en: "Class" },
    type: "text",
    kind: "computed",
    // wide and left-aligned: a row that cannot be trusted shows „✗“ and its reason here
    width: 40,
    align: "left",
    formula: taskClassFormula,
    highlights: [
      { equals: "A", fill: "good" },
      { equals: "B", fill: "neutral" },
      { equals: "C", fill: "weak" },
    ],
  },
];

export const taskCatalogueSpec = {
  id: "aufgabenkatalog",
  // 1.1.0: the sheet checks itself (class column „✗ …“, summary line, threshold checks); same layout
  // 1.2.0: the Produktrahmen sheet says who usually carries each product (column „Zuständigkeit“);
  // a „So geht’s“ sheet first; score, rank and class stay empty on a row without figures or ratings
  version: "1.2.0",
  history: [{ version: "1.0.0", sheets: [] }],
  title: { de: "Aufgabenkatalog und Priorisierung", en: "Task catalogue and prioritisation" },
  sheets: [
    guideSheet(taskCatalogueGuide),
    {
      kind: "form",
      key: SHEET.town,
      name: { de: "Kommune", en: "Town" },
      title: { de: "Kommune", en: "Town" },
      description: {
        de: "Angaben zur Kommune und die Schwellen der Klassen A/B/C. Gelbe Felder ausfüllen.",
        en: "About the town, and the thresholds of classes A/B/C. Fill in the yellow fields.",
      },
      firstRow: 4,
      fields: [
        townNameField(),
        {
          key: "population",
          label: { de: "Einwohner", en: "Population" },
          type: "integer",
          kind: "input",
          min: 0,
          numberFormat: "#,##0",
          width: 30,
        },
        dateInput("referenceDate", { de: "Stichtag", en: "Reference date" }, 30, {
          de: "Stand der Angaben, z. B. 31.12.2025",
          en: "Date the figures refer to",
        }),
        contactField(),
        emailField(),
        {
          key: "classAThreshold",
          label: { de: "Schwelle Klasse A (Punkte ab)", en: "Class A threshold (points from)" },
          type: "decimal",
          kind: "input",
          min: 0,
          max: 100,
          required: true,
          initial: DEFAULT_THRESHOLDS.classA,
          numberFormat: "0.0",
          width: 30,
          hint: {
            de: "Aufgaben mit mindestens so vielen Punkten sind Klasse A",
            en: "Tasks with at least this score are class A",
          },
        },
        {
          key: "classBThreshold",
          label: { de: "Schwelle Klasse B (Punkte ab)", en: "Class B threshold (points from)" },
          type: "decimal",
          kind: "input",
          min: 0,
          max: 100,
          required: true,
          initial: DEFAULT_THRESHOLDS.classB,
          numberFormat: "0.0",
          width: 30,
          hint: { de: "darunter Klasse C", en: "below: class C" },
        },
      ],
    },
    {
      kind: "table",
      key: SHEET.criteria,
      name: { de: "Kriterien", en: "Criteria" },
      title: { de: "Kriterien und Gewichte", en: "Criteria and weights" },
      description: {
        de: "Gewichte frei wählen (≥ 0, mindestens eines > 0). Gemessene Werte zählen im Verhältnis zum Höchstwert der Kommune, Bewertungen im Verhältnis zu 3.",
        en: "Choose the weights freely (≥ 0, at least one > 0). Measured values count relative to the town's maximum, ratings relative to 3.",
      },
      headerRow: 4,
      rowKey: "criterion",
      minRows: CRITERIA.length,
      spareRows: 0,
      fixedRows: CRITERIA.map((c) => ({
        key: c.key,
        values: {
          criterion: c.label,
          kind:
            c.kind === "measured" ? { de: "gemessen", en: "measured" } : { de: "bewertet (0–3)", en: "rated (0–3)" },
          weight: c.defaultWeight,
          explanation: c.explanation,
        },
      })),
      columns: [
        {
          key: "criterion",
          label: { de: "Kriterium", en: "Criterion" },
          type: "text",
          kind: "input",
          fixed: true,
          width: 34,
        },
        { key: "kind", label: { de: "Art", en: "Kind" }, type: "text", kind: "input", fixed: true, width: 16 },
        {
          key: "weight",
          label: { de: "Gewicht", en: "Weight" },
          type: "decimal",
          kind: "input",
          required: true,
          min: 0,
          numberFormat: "0.0#",
          width: 10,
          hint: { de: "Gewicht ≥ 0", en: "Weight ≥ 0" },
        },
        {
          key: "maximum",
          label: { de: "Bezugswert (Höchstwert bzw. 3)", en: "Reference (maximum or 3)" },
          type: "decimal",
          kind: "computed",
          numberFormat: "#,##0.##",
          width: 18,
          formula: criterionMaximumFormula,
        },
        {
          key: "explanation",
          label: { de: "Erläuterung", en: "Explanation" },
          type: "text",
          kind: "input",
          fixed: true,
          width: 60,
        },
      ],
    },
    {
      kind: "table",
      key: SHEET.tasks,
      name: { de: "Aufgaben", en: "Tasks" },
      title: { de: "Produktorientierter Aufgabenkatalog", en: "Product-based task catalogue" },
      description: {
        de: "Eine Zeile je Produkt. Zeilen von Produkten, die die Kommune nicht erbringt, löschen. Gelb = Eingabe, blau = berechnet.",
        en: "One row per product. Delete the rows of products the town does not provide. Yellow = input, blue = computed.",
      },
      headerRow: 4,
      rowKey: "code",
      minRows: 50,
      spareRows: 100,
      landscape: true,
      columns: TASK_COLUMNS,
    },
    {
      kind: "reference",
      key: SHEET.framework,
      name: { de: "Produktrahmen", en: "Product framework" },
      title: { de: "Kommunaler Produktrahmen Sachsen (Auszug)", en: "Saxon municipal product framework (extract)" },
      description: {
        de: "Zum Nachschlagen; mit der geltenden Anlage 1 VwV KomHSys abgleichen. Zuständigkeit: wer das Produkt meist trägt (Einschätzung).",
        en: "For lookup; check against the current Annex 1 VwV KomHSys. Carried by: who usually carries the product (an assessment).",
      },
      headerRow: 4,
      columns: [
        { key: "code", list: "productCodes", show: "value", label: { de: "Code", en: "Code" }, width: 10 },
        { key: "name", list: "productCodes", show: "label", label: { de: "Bezeichnung", en: "Name" }, width: 72 },
        {
          key: "responsibility",
          list: "productResponsibility",
          show: "label",
          label: { de: "Zuständigkeit (üblich)", en: "Usually carried by" },
          width: 26,
        },
      ],
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: { de: "Listen", en: "Lists" },
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: 4,
      columns: [
        {
          key: "taskKinds",
          list: "taskKinds",
          show: "label",
          label: { de: "Aufgabenart", en: "Kind of task" },
          width: 36,
        },
      ],
    },
  ],
  lists: {
    productCodes: {
      sheet: SHEET.framework,
      column: "code",
      entries: () => PRODUCT_FRAMEWORK.map((p) => ({ value: p.code, label: { de: p.name, en: p.name } })),
    },
    // who usually carries each product, in words, beside the code (values: the codes again)
    productResponsibility: {
      sheet: SHEET.framework,
      column: "responsibility",
      entries: () => PRODUCT_FRAMEWORK.map((p) => ({ value: p.code, label: RESPONSIBILITY_LABELS[p.responsibility] })),
    },
    taskKinds: {
      sheet: SHEET.lists,
      column: "taskKinds",
      entries: () => TASK_KINDS.map((k) => ({ value: k.key, label: k.label })),
    },
  },
} as const satisfies TemplateSpec;
