/**
 * The allocation keys as the „Kostenverteilung“ workbook lists them. Their position in the list
 * is the number the sheet's formulas work with (`MATCH` of the chosen text): 1–6 are the single
 * keys, and also the six parts every cost item is split into (a single key puts its whole amount
 * on one part, a mixed key spreads it over parts 1–5 by its weights); 7 is the mixed key, 8 the
 * flat fee per case.
 */
import type { AllocationKey, MixedKeyPart } from "../../lib/allocation/model.js";
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";

export interface KeyDefinition {
  readonly key: AllocationKey;
  readonly label: LocalizedText;
  /** Short name of the key as a part of a mixed key. */
  readonly short: LocalizedText;
  /**
   * The key in words, as the annex explains it („zu gleichen Teilen“, „nach Einwohnern“); the
   * population's reference date and the fee per case are added by the annex's formula.
   */
  readonly phrase: LocalizedText;
}

export const KEY_DEFINITIONS = [
  {
    key: "equal",
    label: { de: "Gleichverteilung", en: "Equal shares" },
    short: { de: "gleich", en: "equal" },
    phrase: { de: "zu gleichen Teilen", en: "in equal parts" },
  },
  {
    key: "population",
    label: { de: "Einwohner", en: "Population" },
    short: { de: "Einwohner", en: "population" },
    phrase: { de: "nach Einwohnern", en: "by population" },
  },
  {
    key: "cases",
    label: { de: "Fallzahlen", en: "Cases" },
    short: { de: "Fälle", en: "cases" },
    phrase: { de: "nach Fallzahlen", en: "by number of cases" },
  },
  {
    key: "workplaces",
    label: { de: "Arbeitsplätze", en: "Workplaces" },
    short: { de: "Arbeitsplätze", en: "workplaces" },
    phrase: { de: "nach Arbeitsplätzen", en: "by workplaces" },
  },
  {
    key: "fteShare",
    label: { de: "Stellenanteile", en: "FTE shares" },
    short: { de: "VZÄ", en: "FTE" },
    phrase: { de: "nach Stellenanteilen (VZÄ)", en: "by FTE share" },
  },
  {
    key: "fixedPercent",
    label: { de: "Festanteil", en: "Fixed percentage" },
    short: { de: "Festanteil", en: "fixed" },
    phrase: { de: "nach festen Anteilen (Festanteil)", en: "by fixed percentages" },
  },
  {
    key: "mixed",
    label: { de: "Mischschlüssel", en: "Mixed key" },
    short: { de: "gemischt", en: "mixed" },
    phrase: { de: "Mischschlüssel", en: "mixed key" },
  },
  {
    key: "flatFeePerCase",
    label: { de: "Pauschale je Fall", en: "Flat fee per case" },
    short: { de: "je Fall", en: "per case" },
    phrase: { de: "je Fall", en: "per case" },
  },
] as const satisfies readonly KeyDefinition[];

/** Number of parts an amount is split into before it is split over the towns (keys 1–6). */
export const PART_COUNT = 6;

/** Key numbers the formulas compare with. */
export const KEY_NO = { cases: 3, fixedPercent: 6, mixed: 7, flatFeePerCase: 8 } as const;

/** Mixed-key weight columns of the items sheet (and fields of the overhead), in part order 1–5. */
export const MIX_COLUMNS: readonly {
  readonly part: MixedKeyPart;
  readonly column: string;
  readonly overheadField: string;
}[] = [
  { part: "equal", column: "mixEqual", overheadField: "overheadMixEqual" },
  { part: "population", column: "mixPopulation", overheadField: "overheadMixPopulation" },
  { part: "cases", column: "mixCases", overheadField: "overheadMixCases" },
  { part: "workplaces", column: "mixWorkplaces", overheadField: "overheadMixWorkplaces" },
  { part: "fteShare", column: "mixFteShare", overheadField: "overheadMixFteShare" },
];

/** The label of a key in a language. */
export function keyLabel(key: AllocationKey, language: "de" | "en"): string {
  const found = KEY_DEFINITIONS.find((k) => k.key === key);
  if (!found) throw new RangeError(`unknown key ${key}`);
  return found.label[language];
}
