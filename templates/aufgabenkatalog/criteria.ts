import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";

/**
 * The prioritisation criteria of the task catalogue (measure 1.1), in the order the score
 * formula and the library both add them up. Measured criteria are normalised by the town's
 * maximum, rated ones by the top of the 0–3 scale.
 */
export interface CriterionDefinition {
  /** Key of the criterion row, and of the task column holding its value. */
  readonly key: CriterionKey;
  readonly kind: "measured" | "rated";
  readonly label: LocalizedText;
  readonly explanation: LocalizedText;
  readonly defaultWeight: number;
}

export type CriterionKey =
  | "fte"
  | "casesPerYear"
  | "minutesPerCase"
  | "strategicImportance"
  | "politicalSignificance"
  | "financialLegalRelevance"
  | "needForAction"
  | "specialisation";

/** Top of the rating scale (ratings are 0, 1, 2, 3). */
export const RATING_SCALE_MAX = 3;

export const CRITERIA: readonly CriterionDefinition[] = [
  {
    key: "fte",
    kind: "measured",
    label: { de: "Personaleinsatz (VZÄ)", en: "Staff (FTE)" },
    explanation: { de: "Vollzeitäquivalente für die Aufgabe", en: "Full-time equivalents spent on the task" },
    defaultWeight: 2,
  },
  {
    key: "casesPerYear",
    kind: "measured",
    label: { de: "Fallzahl pro Jahr", en: "Cases per year" },
    explanation: {
      de: "Vorgänge, Anträge oder Prozessdurchläufe im Jahr",
      en: "Cases, applications or process runs per year",
    },
    defaultWeight: 1,
  },
  {
    key: "minutesPerCase",
    kind: "measured",
    label: { de: "Bearbeitungszeit je Fall", en: "Processing time per case" },
    explanation: { de: "Durchschnittliche Minuten je Fall", en: "Average minutes per case" },
    defaultWeight: 1,
  },
  {
    key: "strategicImportance",
    kind: "rated",
    label: { de: "Strategische Bedeutung", en: "Strategic importance" },
    explanation: { de: "0 = keine, 3 = sehr hoch", en: "0 = none, 3 = very high" },
    defaultWeight: 2,
  },
  {
    key: "politicalSignificance",
    kind: "rated",
    label: { de: "Politische Bedeutsamkeit", en: "Political significance" },
    explanation: { de: "0 = keine, 3 = sehr hoch", en: "0 = none, 3 = very high" },
    defaultWeight: 1,
  },
  {
    key: "financialLegalRelevance",
    kind: "rated",
    label: { de: "Finanzielle/rechtliche Relevanz", en: "Financial/legal relevance" },
    explanation: { de: "0 = keine, 3 = sehr hoch", en: "0 = none, 3 = very high" },
    defaultWeight: 1,
  },
  {
    key: "needForAction",
    kind: "rated",
    label: { de: "Handlungsbedarf", en: "Need for action" },
    explanation: {
      de: "Umstrukturierung, Altersabgänge, unbesetzte Stellen: 0 = keiner, 3 = dringend",
      en: "Restructuring, retirements, vacancies: 0 = none, 3 = urgent",
    },
    defaultWeight: 2,
  },
  {
    key: "specialisation",
    kind: "rated",
    label: { de: "Eigene Spezialisierung/Stärke", en: "Own specialisation/strength" },
    explanation: {
      de: "Wie gut und spezialisiert die Kommune die Aufgabe erfüllt: 0 bis 3",
      en: "How well and specialised the town performs the task: 0 to 3",
    },
    defaultWeight: 1,
  },
];

/** Default class thresholds (score ≥ A → class A, ≥ B → class B, else C). */
export const DEFAULT_THRESHOLDS = { classA: 66, classB: 33 } as const;
