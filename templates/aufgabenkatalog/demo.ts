import { seededRandom } from "../../lib/numbers/seededRandom.js";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { TASK_KINDS, type TaskKind } from "./taskKinds.js";

/**
 * The illustrative partnership of the docs and screenshots: four small towns of the
 * Erzgebirge with approximate populations. Every figure below is invented for demonstration.
 */
export const DEMO_TOWNS = [
  { name: "Zschorlau", population: 5300 },
  { name: "Schönheide", population: 4600 },
  { name: "Stützengrün", population: 3300 },
  { name: "Bockau", population: 2000 },
] as const;

type DemoTownName = (typeof DEMO_TOWNS)[number]["name"];
type Rating = 0 | 1 | 2 | 3;
/** Ratings in the order strategic importance, political significance, financial/legal relevance. */
type BaseRatings = readonly [strategic: Rating, political: Rating, financialLegal: Rating];
/** A town's own view of a task: need for action and own specialisation. */
type TownView = readonly [needForAction: Rating, specialisation: Rating];

interface DemoTask {
  /** Product code of the framework (a subgroup a kreisangehörige Gemeinde carries). */
  readonly code: string;
  /** The task as a town hall names it (the framework's name is on the Produktrahmen sheet). */
  readonly name: LocalizedText;
  readonly kind: TaskKind;
  readonly unit: LocalizedText;
  /** Full-time equivalents of a town of 4,000 inhabitants. */
  readonly fte: number;
  /** Cases per year of a town of 4,000 inhabitants. */
  readonly cases: number;
  readonly minutesPerCase: number;
  /** Material costs per year (€) of a town of 4,000 inhabitants, on top of the staff costs. */
  readonly materialCost: number;
  readonly ratings: BaseRatings;
  /** Need for action and specialisation per town; a town not listed takes `usual`. */
  readonly views?: Partial<Readonly<Record<DemoTownName, TownView>>>;
  readonly usual: TownView;
  /** Towns that do not have the task (e.g. no library of their own). */
  readonly absentIn?: readonly DemoTownName[];
  readonly note?: LocalizedText;
}

/** Staff costs of one full-time equivalent per year (€, employer's share included, rounded). */
const COST_PER_FTE = 62000;

const UNIT = {
  mayor: { de: "Bürgermeister/Hauptamt", en: "Mayor's office" },
  central: { de: "Hauptamt", en: "Central office" },
  finance: { de: "Kämmerei", en: "Treasury" },
  citizens: { de: "Bürgeramt", en: "Citizens' office" },
  order: { de: "Ordnungsamt", en: "Public order office" },
  building: { de: "Bauamt", en: "Building office" },
  depot: { de: "Bauhof", en: "Municipal depot" },
} as const;

const M = "mandatorySelfGoverned";
const D = "mandatoryDelegated";
const V = "voluntary";

/**
 * What a small Saxon Gemeinde does, with invented but plausible figures for 4,000 inhabitants.
 * The towns' views are chosen so the joint roadmap tells a story: Zschorlau already runs a
 * registry office district and a depot with a neighbour (the guideline's example), Schönheide is
 * strong in enforcement, Stützengrün in payroll; Bockau, the smallest, needs help in most
 * specialised tasks; procurement and IT are a pain everywhere.
 */
const DEMO_TASKS: readonly DemoTask[] = [
  {
    code: "1111",
    name: { de: "Gemeinderat und Sitzungsdienst", en: "Council and meeting service" },
    kind: M,
    unit: UNIT.mayor,
    fte: 0.5,
    cases: 60,
    minutesPerCase: 240,
    materialCost: 9000,
    ratings: [2, 3, 1],
    usual: [1, 1],
    views: { Bockau: [2, 0] },
  },
  {
    code: "1112",
    name: { de: "Personalverwaltung und Entgeltabrechnung", en: "Human resources and payroll" },
    kind: M,
    unit: UNIT.central,
    fte: 0.8,
    cases: 900,
    minutesPerCase: 35,
    materialCost: 6000,
    ratings: [2, 1, 3],
    usual: [2, 1],
    views: { Stützengrün: [1, 3], Bockau: [3, 0], Schönheide: [2, 1] },
  },
  {
    code: "1113",
    name: { de: "Gemeindekasse und Vollstreckung", en: "Treasury and enforcement" },
    kind: M,
    unit: UNIT.finance,
    fte: 1.1,
    cases: 700,
    minutesPerCase: 60,
    materialCost: 8000,
    ratings: [2, 1, 3],
    usual: [2, 1],
    views: { Schönheide: [1, 3], Bockau: [3, 0], Stützengrün: [2, 1] },
  },
  {
    code: "1116",
    name: { de: "Zentrale Dienste: IT und Vergabe", en: "Central services: IT and procurement" },
    kind: M,
    unit: UNIT.central,
    fte: 1.0,
    cases: 45,
    minutesPerCase: 900,
    materialCost: 55000,
    ratings: [3, 1, 3],
    usual: [3, 1],
    views: { Zschorlau: [2, 2], Bockau: [3, 0] },
    note: { de: "Vergaben ab Wertgrenze, IT-Betreuung", en: "procurements above threshold, IT support" },
  },
  {
    code: "1212",
    name: { de: "Wahlen (Briefwahl, Wahlvorstände)", en: "Elections (postal votes, polling staff)" },
    kind: D,
    unit: UNIT.central,
    fte: 0.2,
    cases: 700,
    minutesPerCase: 12,
    materialCost: 7000,
    ratings: [1, 2, 3],
    usual: [1, 1],
  },
  {
    code: "1221",
    name: { de: "Ortspolizeibehörde und Gewerbe", en: "Local police authority and trade" },
    kind: D,
    unit: UNIT.order,
    fte: 0.7,
    cases: 450,
    minutesPerCase: 45,
    materialCost: 3000,
    ratings: [2, 2, 2],
    usual: [2, 1],
    views: { Schönheide: [1, 2] },
    note: { de: "ohne eigenen Gemeindevollzugsdienst", en: "no enforcement officers of its own" },
  },
  {
    code: "1222",
    name: { de: "Standesamt und Meldewesen", en: "Registry office and residents' registration" },
    kind: D,
    unit: UNIT.citizens,
    fte: 1.3,
    cases: 1900,
    minutesPerCase: 25,
    materialCost: 9000,
    ratings: [3, 2, 3],
    usual: [2, 1],
    views: { Zschorlau: [1, 3], Stützengrün: [3, 1], Bockau: [3, 0] },
    note: { de: "Pässe, Ausweise, Beurkundungen", en: "passports, ID cards, certificates" },
  },
  {
    code: "1260",
    name: { de: "Freiwillige Feuerwehr", en: "Volunteer fire brigade" },
    kind: M,
    unit: UNIT.order,
    fte: 0.4,
    cases: 70,
    minutesPerCase: 180,
    materialCost: 85000,
    ratings: [3, 3, 3],
    usual: [1, 1],
    views: { Bockau: [2, 1] },
  },
  {
    code: "2111",
    name: { de: "Grundschule (Schulträger)", en: "Primary school (as school authority)" },
    kind: M,
    unit: UNIT.central,
    fte: 0.3,
    cases: 40,
    minutesPerCase: 150,
    materialCost: 120000,
    ratings: [2, 3, 2],
    usual: [1, 0],
  },
  {
    code: "2720",
    name: { de: "Gemeindebibliothek", en: "Municipal library" },
    kind: V,
    unit: UNIT.central,
    fte: 0.5,
    cases: 2500,
    minutesPerCase: 4,
    materialCost: 6000,
    ratings: [0, 1, 0],
    usual: [0, 1],
    absentIn: ["Bockau"],
  },
  {
    code: "2810",
    name: { de: "Heimatpflege und Ortsjubiläen", en: "Local heritage and anniversaries" },
    kind: V,
    unit: UNIT.mayor,
    fte: 0.2,
    cases: 25,
    minutesPerCase: 300,
    materialCost: 12000,
    ratings: [1, 2, 0],
    usual: [0, 1],
  },
  {
    code: "3650",
    name: { de: "Kindertagesbetreuung (Verwaltung, Elternbeiträge)", en: "Day care (administration, fees)" },
    kind: M,
    unit: UNIT.central,
    fte: 0.6,
    cases: 280,
    minutesPerCase: 40,
    materialCost: 350000,
    ratings: [3, 3, 3],
    usual: [1, 1],
    note: { de: "Einrichtungen in freier Trägerschaft", en: "facilities run by independent providers" },
  },
  {
    code: "4241",
    name: { de: "Sporthalle und Sportplatz", en: "Sports hall and ground" },
    kind: V,
    unit: UNIT.depot,
    fte: 0.5,
    cases: 30,
    minutesPerCase: 60,
    materialCost: 40000,
    ratings: [1, 2, 1],
    usual: [1, 1],
  },
  {
    code: "5111",
    name: { de: "Bauleitplanung", en: "Land-use planning" },
    kind: M,
    unit: UNIT.building,
    fte: 0.3,
    cases: 12,
    minutesPerCase: 480,
    materialCost: 25000,
    ratings: [2, 3, 2],
    usual: [2, 1],
    views: { Zschorlau: [1, 2] },
  },
  {
    code: "5210",
    name: { de: "Bauverwaltung (Bauanträge, Einvernehmen)", en: "Building administration (permits, consent)" },
    kind: M,
    unit: UNIT.building,
    fte: 0.6,
    cases: 90,
    minutesPerCase: 150,
    materialCost: 3000,
    ratings: [2, 2, 3],
    usual: [2, 1],
    views: { Zschorlau: [2, 2], Bockau: [3, 0] },
  },
  {
    code: "5410",
    name: { de: "Bauhof: Unterhaltung der Gemeindestraßen", en: "Depot: upkeep of municipal roads" },
    kind: M,
    unit: UNIT.depot,
    fte: 2.0,
    cases: 350,
    minutesPerCase: 180,
    materialCost: 110000,
    ratings: [3, 3, 3],
    usual: [2, 1],
    views: { Zschorlau: [1, 3], Stützengrün: [2, 2], Bockau: [3, 1] },
  },
  {
    code: "5452",
    name: { de: "Winterdienst", en: "Winter road service" },
    kind: M,
    unit: UNIT.depot,
    fte: 1.2,
    cases: 60,
    minutesPerCase: 480,
    materialCost: 45000,
    ratings: [2, 3, 2],
    usual: [1, 1],
    views: { Zschorlau: [1, 2] },
  },
  {
    code: "5510",
    name: { de: "Grünpflege", en: "Green space upkeep" },
    kind: V,
    unit: UNIT.depot,
    fte: 1.5,
    cases: 120,
    minutesPerCase: 240,
    materialCost: 15000,
    ratings: [1, 2, 1],
    usual: [1, 1],
  },
  {
    code: "5530",
    name: { de: "Friedhofsverwaltung", en: "Cemetery administration" },
    kind: M,
    unit: UNIT.citizens,
    fte: 0.3,
    cases: 60,
    minutesPerCase: 90,
    materialCost: 20000,
    ratings: [1, 2, 2],
    usual: [1, 1],
    absentIn: ["Schönheide"],
    note: { de: "Friedhof der Gemeinde", en: "cemetery owned by the town" },
  },
  {
    code: "5710",
    name: { de: "Wirtschaftsförderung und Gewerbeflächen", en: "Business development and sites" },
    kind: V,
    unit: UNIT.mayor,
    fte: 0.2,
    cases: 20,
    minutesPerCase: 240,
    materialCost: 5000,
    ratings: [2, 2, 1],
    usual: [1, 0],
  },
  {
    code: "5750",
    name: { de: "Tourismus und Gästeinformation", en: "Tourism and visitor information" },
    kind: V,
    unit: UNIT.mayor,
    fte: 0.3,
    cases: 400,
    minutesPerCase: 10,
    materialCost: 15000,
    ratings: [1, 2, 1],
    usual: [0, 1],
  },
  {
    code: "6110",
    name: { de: "Steuern und Abgaben (Grund-, Gewerbe-, Hundesteuer)", en: "Local taxes (property, trade, dog tax)" },
    kind: M,
    unit: UNIT.finance,
    fte: 0.6,
    cases: 1600,
    minutesPerCase: 12,
    materialCost: 4000,
    ratings: [2, 1, 3],
    usual: [1, 1],
    views: { Schönheide: [1, 2] },
  },
];

const TASK_KIND_LABEL = new Map(TASK_KINDS.map((kind) => [kind.key, kind.label]));

/** A whole-number rating 0–3. */
const clampRating = (value: number): number => Math.max(0, Math.min(3, Math.round(value)));

/**
 * The demo task catalogue of one town: the tasks of a small Gemeinde, figures scaled to its
 * population and varied a little per town (deterministic by name), its own need for action and
 * specialisation. A town that is not one of {@link DEMO_TOWNS} gets the usual views.
 */
export function demoCatalogue(town: string, population: number, language: Language): RowValues[] {
  const random = seededRandom(`ikz-demo-tasks:${town}`);
  const vary = (spread: number): number => 1 + (random() * 2 - 1) * spread;
  const scale = population / 4000;
  // staff does not shrink in proportion: a small town still needs someone for each task
  const staffScale = Math.sqrt(scale);
  return DEMO_TASKS.filter((task) => !task.absentIn?.some((name) => name === town)).map((task) => {
    const fte = Math.max(0.05, Math.round(task.fte * staffScale * vary(0.15) * 20) / 20);
    const [needForAction, specialisation] = task.views?.[town as DemoTownName] ?? task.usual;
    // an occasional different view of one of the three base ratings, so the towns differ
    const ratings = task.ratings.map((r) => (random() < 0.15 ? clampRating(r + (random() < 0.5 ? -1 : 1)) : r));
    const cost = fte * COST_PER_FTE + task.materialCost * scale * vary(0.2);
    const row: RowValues = {
      code: task.code,
      name: task.name[language],
      taskKind: TASK_KIND_LABEL.get(task.kind)?.[language],
      unit: task.unit[language],
      fte,
      casesPerYear: Math.max(1, Math.round(task.cases * scale * vary(0.1))),
      minutesPerCase: Math.round(task.minutesPerCase * vary(0.1)),
      annualCost: Math.round(cost / 100) * 100,
      strategicImportance: ratings[0],
      politicalSignificance: ratings[1],
      financialLegalRelevance: ratings[2],
      needForAction,
      specialisation,
    };
    return task.note ? { ...row, note: task.note[language] } : row;
  });
}

/**
 * Invented figures for a town's own product list (`--products` with `--demo`), deterministic per
 * town name: the list's products as they are, figures in a plausible range, kind of task left to
 * the town (a list of its own products can hold anything).
 */
export function demoTaskRows(
  town: string,
  population: number,
  products: readonly { readonly code: string; readonly name: string }[],
  language: Language,
): RowValues[] {
  const random = seededRandom(`ikz-demo:${town}`);
  const rating = () => Math.min(3, Math.floor(random() * 4));
  const scale = population / 4000;
  const unit = language === "de" ? "Hauptamt" : "Central office";
  return products.map((product) => {
    const fte = Math.round((0.1 + random() * 0.9) * Math.sqrt(scale) * 20) / 20;
    return {
      code: product.code,
      name: product.name,
      unit,
      fte,
      casesPerYear: Math.round((20 + random() * 600) * scale),
      minutesPerCase: Math.round(10 + random() * 110),
      annualCost: Math.round((fte * COST_PER_FTE + random() * 20000) / 100) * 100,
      strategicImportance: rating(),
      politicalSignificance: rating(),
      financialLegalRelevance: rating(),
      needForAction: rating(),
      specialisation: rating(),
    };
  });
}
