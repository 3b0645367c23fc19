/**
 * Texts of the IKZ roadmap as a decision paper (sheet, CLI, pane), German first: the lead town
 * and why, synergies in words, the forms of cooperation, the paper's headings.
 */
import type { CooperationForm } from "../roadmap/suggestMeasure.js";
import type { Language } from "../spec/TemplateSpec.js";
import { countNoun } from "./plural.js";

/** Parameters of a roadmap text; numbers are passed formatted where the text shows them. */
export interface RoadmapParams {
  readonly town?: string;
  readonly other?: string;
  readonly value?: string;
  readonly count?: number;
  /** Need-for-action ratings, already joined („2, 2 und 3“). */
  readonly need?: string;
}

type Render = (p: RoadmapParams) => string;

const texts = {
  paperSheet: { de: () => "Entscheidungsvorlage", en: () => "Decision paper" },
  paperTitle: { de: () => "IKZ-Fahrplan – Entscheidungsvorlage", en: () => "IKZ roadmap – decision paper" },
  paperTowns: { de: (p) => `Partnerkommunen: ${p.value ?? ""}`, en: (p) => `Partner towns: ${p.value ?? ""}` },
  paperDate: {
    de: (p) => `Stand: ${p.value ?? ""} · Grundlage: die Aufgabenkataloge der Kommunen (Blatt „Quellen“)`,
    en: (p) => `As of: ${p.value ?? ""} · Based on the towns' task catalogues (sheet “Sources”)`,
  },
  /** `count` entries shown of `value` (as digits) shared tasks; `other` the full list's sheet. */
  paperTop: {
    de: (p) =>
      (p.count === Number(p.value ?? 0)
        ? `${countNoun(p.count, "gemeinsame Aufgabe", "gemeinsame Aufgaben", "de")} in der Reihenfolge des Fahrplans (auch auf Blatt „${p.other ?? ""}“).`
        : `Die ersten ${String(p.count ?? 0)} von ${countNoun(Number(p.value ?? 0), "gemeinsamen Aufgabe", "gemeinsamen Aufgaben", "de")} in der Reihenfolge des Fahrplans (vollständige Liste: Blatt „${p.other ?? ""}“).`) +
      " Zeitraum und nächster Schritt werden in der Sitzung eingetragen.",
    en: (p) =>
      (p.count === Number(p.value ?? 0)
        ? `${countNoun(p.count, "shared task", "shared tasks", "en")} in roadmap order (also on sheet “${p.other ?? ""}”).`
        : `The first ${String(p.count ?? 0)} of ${countNoun(Number(p.value ?? 0), "shared task", "shared tasks", "en")} in roadmap order (full list: sheet “${p.other ?? ""}”).`) +
      " Time frame and next step are filled in at the meeting.",
  },
  paperNone: {
    de: () => "Die Kommunen haben keine gemeinsame Aufgabe: Es gibt nichts zu entscheiden.",
    en: () => "The towns share no task: there is nothing to decide.",
  },
  footerTowns: {
    de: (p) => countNoun(p.count, "Partnerkommune", "Partnerkommunen", "de"),
    en: (p) => countNoun(p.count, "partner town", "partner towns", "en"),
  },
  paperLeadRule: {
    de: () =>
      "Federführung: die Kommune mit der höchsten eigenen Spezialisierung (0–3); bei Gleichstand die mit mehr " +
      "Personal (VZÄ), dann mit mehr Fällen je Jahr, dann alphabetisch. Ein Vorschlag – die Kommunen entscheiden.",
    en: () =>
      "Lead: the town with the highest own specialisation (0–3); in a tie the one with more staff (FTE), then " +
      "more cases per year, then alphabetical. A suggestion – the towns decide.",
  },
  paperMeasureNote: {
    de: () =>
      "Maßnahme: Vorschlag aus dem Maßnahmenkatalog des Leitfadens „IKZ in einer digitalisierten Welt“ (SSG) nach " +
      "dem Produktbereich der Aufgabe, mit einer passenden Form der Zusammenarbeit.",
    en: () =>
      "Measure: suggested from the catalogue of measures of the guideline “IKZ in a digitalised world” (SSG) by " +
      "the task's product area, with a fitting form of cooperation.",
  },
  columnTask: { de: () => "Aufgabe", en: () => "Task" },
  columnLead: { de: () => "Federführung (Vorschlag)", en: () => "Lead (suggested)" },
  columnPartners: { de: () => "Partner", en: () => "Partners" },
  columnSynergies: { de: () => "Synergien", en: () => "Synergies" },
  columnMeasure: { de: () => "Vorgeschlagene Maßnahme", en: () => "Suggested measure" },
  columnTimeFrame: { de: () => "Zeitraum", en: () => "Time frame" },
  columnNextStep: { de: () => "Nächster Schritt", en: () => "Next step" },
  columnLeadShort: { de: () => "Federführung", en: () => "Lead" },
  columnMeasureShort: { de: () => "Maßnahme", en: () => "Measure" },
  synergy: {
    de: (p) =>
      `${p.town ?? ""} kann ${p.other ?? ""} unterstützen: Spezialisierung ${p.value ?? ""}, Handlungsbedarf ${p.need ?? ""}`,
    en: (p) =>
      `${p.town ?? ""} can support ${p.other ?? ""}: specialisation ${p.value ?? ""}, need for action ${p.need ?? ""}`,
  },
  /** Product code (`town`), number of towns, class A count (`value`), mean score (`other`). */
  paperFigures: {
    de: (p) =>
      `${p.town ?? ""} · ${countNoun(p.count, "Kommune", "Kommunen", "de")}, ${p.value ?? "0"}×\u00a0Klasse\u00a0A, Ø\u00a0${p.other ?? ""}\u00a0Punkte`,
    en: (p) =>
      `${p.town ?? ""} · ${countNoun(p.count, "town", "towns", "en")}, ${p.value ?? "0"}×\u00a0class\u00a0A, mean\u00a0${p.other ?? ""}\u00a0points`,
  },
  moreSynergies: {
    de: (p) =>
      `… ${countNoun(p.count, "weitere Kommune kann unterstützen", "weitere Kommunen können unterstützen", "de")} (Blatt „${p.other ?? ""}“)`,
    en: (p) =>
      `… ${countNoun(p.count, "more town can support", "more towns can support", "en")} (sheet “${p.other ?? ""}”)`,
  },
  noSynergy: { de: () => "–", en: () => "–" },
  leadBySpecialisation: {
    de: (p) => `höchste Spezialisierung (${p.value ?? ""})`,
    en: (p) => `highest specialisation (${p.value ?? ""})`,
  },
  leadByFte: {
    de: (p) => `Spezialisierung ${p.value ?? ""} gleichauf, mehr VZÄ (${p.other ?? ""})`,
    en: (p) => `specialisation ${p.value ?? ""} tied, more FTE (${p.other ?? ""})`,
  },
  leadByCases: {
    de: (p) => `Spezialisierung ${p.value ?? ""} und VZÄ gleichauf, mehr Fälle (${p.other ?? ""})`,
    en: (p) => `specialisation ${p.value ?? ""} and FTE tied, more cases (${p.other ?? ""})`,
  },
  leadByName: {
    de: (p) => `Spezialisierung ${p.value ?? ""}, VZÄ und Fälle gleichauf: alphabetisch zuerst`,
    en: (p) => `specialisation ${p.value ?? ""}, FTE and cases tied: first in alphabetical order`,
  },
  measure: {
    de: (p) => `Maßnahme ${p.value ?? ""}${p.other ? ` „${p.other}“` : ""}`,
    en: (p) => `Measure ${p.value ?? ""}${p.other ? ` “${p.other}”` : ""}`,
  },
  pageOf: { de: () => "Seite {page} von {pages}", en: () => "Page {page} of {pages}" },
  cliLead: { de: (p) => `Federführung: ${p.town ?? ""}`, en: (p) => `lead: ${p.town ?? ""}` },
} satisfies Record<string, Record<Language, Render>>;

export type RoadmapTextKey = keyof typeof texts;

/** Renders a roadmap text in the given language. */
export function renderRoadmapText(key: RoadmapTextKey, language: Language, params: RoadmapParams = {}): string {
  return texts[key][language](params);
}

/** All keys, for the test that renders every text in every language. */
export const ROADMAP_TEXT_KEYS = Object.keys(texts) as RoadmapTextKey[];

/**
 * Items as a sentence lists them: „A“, „A und B“, „A, B und C“ (English: “A, B and C”).
 *
 * @example joinAsList(["Aue", "Bockau", "Lauter"], "de") // "Aue, Bockau und Lauter"
 */
export function joinAsList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items[0] ?? "";
  const and = language === "de" ? " und " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1] ?? ""}`;
}

/** The forms of cooperation, as the decision paper names them. */
const FORMS: Readonly<Record<CooperationForm, Record<Language, string>>> = {
  agreement: {
    de: "Zweckvereinbarung: die federführende Kommune erfüllt die Aufgabe für alle",
    en: "Zweckvereinbarung (agreement): the lead town performs the task for all",
  },
  association: {
    de: "Zweckverband: Aufgabe und Technik gemeinsam betreiben",
    en: "Zweckverband (association): run the task and equipment together",
  },
  procurement: {
    de: "gemeinsame Beschaffung: eine Ausschreibung für alle",
    en: "joint procurement: one tender for all",
  },
  workingGroup: {
    de: "Arbeitsgemeinschaft: Abläufe angleichen, gegenseitig vertreten",
    en: "working group: align the workflows, stand in for each other",
  },
};

/** The form of cooperation in words. */
export function renderCooperationForm(form: CooperationForm, language: Language): string {
  return FORMS[form][language];
}
