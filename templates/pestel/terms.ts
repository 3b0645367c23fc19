/**
 * The words of template „PESTEL-Matrix“ that more than one face uses: the labels of the factors,
 * elements and fields of action (the long form's lists, the matrix's criteria, the analysis), the
 * hot-spot markers, and the sheet keys.
 */
import { THRESHOLD_RANGE, type ActionField, type InnerElement, type PestelFactor } from "../../lib/pestel/model.js";
import type { GridContext, Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { CHECK_MARK } from "../common/cellChecks.js";
import { ACTION_FIELD_TITLES } from "../reference/measures.js";

/** Sheet keys of the PESTEL matrix. */
export const SHEET = {
  town: "town",
  themes: "themes",
  matrix: "matrix",
  textMatrix: "textMatrix",
  fieldLines: "fieldLines",
  measures: "measures",
  lists: "lists",
} as const;

/** The six outside factors. Labels contain no wildcard characters (`*`, `?`, `~`): COUNTIFS matches them literally. */
export const FACTOR_LABELS: Readonly<Record<PestelFactor, LocalizedText>> = {
  political: { de: "Politisch", en: "Political" },
  economic: { de: "Wirtschaftlich", en: "Economic" },
  social: { de: "Sozio-kulturell", en: "Socio-cultural" },
  technological: { de: "Technologisch", en: "Technological" },
  environmental: { de: "Ökologisch", en: "Environmental" },
  legal: { de: "Rechtlich", en: "Legal" },
};

/** What each factor covers, for the matrix sheet's row labels and the docs. */
export const FACTOR_HINTS: Readonly<Record<PestelFactor, LocalizedText>> = {
  political: { de: "Stadt-/Gemeinderat, Land, Bund", en: "council, state, federal level" },
  economic: { de: "Haushalt, Steuerkraft, Konjunktur", en: "budget, tax base, economy" },
  social: { de: "Demografie, Arbeitswelt, Erwartungen", en: "demography, world of work, expectations" },
  technological: { de: "IT, KI, Gebäude- und Fahrzeugtechnik", en: "IT, AI, building and vehicle technology" },
  environmental: { de: "Klima, Energie, Entsorgung", en: "climate, energy, waste" },
  legal: { de: "Bundes- und Landesrecht, neue Pflichten", en: "federal and state law, new duties" },
};

/** The four inner elements of the holistic model. */
export const ELEMENT_LABELS: Readonly<Record<InnerElement, LocalizedText>> = {
  products: { de: "Produkte und Leistungen", en: "Products and services" },
  processes: { de: "Geschäftsprozesse/Ablauforganisation", en: "Business processes" },
  staff: { de: "Personal und Aufbauorganisation", en: "Staff and organisation" },
  resources: { de: "Technische Ressourcen", en: "Technical resources" },
};

/** `1 – Gemeinsame Leistungserbringung`: how a field of action appears in the long form's list. */
export function actionFieldLabel(field: ActionField): LocalizedText {
  const title = ACTION_FIELD_TITLES[field];
  return { de: `${field} – ${title.de}`, en: `${field} – ${title.en}` };
}

/** The long form's marker of a hot-spot theme. */
export const HOT_SPOT_TEXT: LocalizedText = { de: "Brennpunkt", en: "hot spot" };

/** The matrix's marker of a field with `count` hot spots (empty for none). */
export function hotSpotMarker(count: number, language: Language): string {
  if (count <= 0) return "";
  if (count === 1) return language === "de" ? "Brennpunkt" : "hot spot";
  return language === "de" ? `${count} Brennpunkte` : `${count} hot spots`;
}

/** A matrix field's name: `Technologisch × Technische Ressourcen`. */
export function fieldName(factor: PestelFactor | null, element: InnerElement | null, language: Language): string {
  const f = factor === null ? "–" : FACTOR_LABELS[factor][language];
  const e = element === null ? "–" : ELEMENT_LABELS[element][language];
  return `${f} × ${e}`;
}

/** A field of action's name, `1 – Gemeinsame Leistungserbringung`, or the group of all others. */
export function actionFieldName(field: ActionField | null, language: Language): string {
  if (field === null)
    return language === "de" ? "Ohne Handlungsfeld (und Maßnahme 0)" : "No field of action (and measure 0)";
  return actionFieldLabel(field)[language];
}

/** TRUE when the typed threshold is usable: a whole number 1–9 (lib/pestel `isUsableThreshold`). */
export function thresholdUsableFormula(typed: string): string {
  return `IF(ISNUMBER(${typed}),AND(${typed}>=${THRESHOLD_RANGE.min},${typed}<=${THRESHOLD_RANGE.max},${typed}=INT(${typed})),0)`;
}

/** Shown instead of a hot-spot marker while the typed threshold cannot be used. */
export const THRESHOLD_INVALID_TEXT: LocalizedText = {
  de: `${CHECK_MARK} Schwelle: siehe Blatt PESTEL-Kommune`,
  en: `${CHECK_MARK} threshold: see sheet PESTEL town`,
};

/** What both matrix sheets read of the workbook: the theme columns, the threshold and the town's name. */
export function matrixInputs(context: GridContext) {
  return {
    t: (text: LocalizedText): string => text[context.language],
    factors: context.columnRange("factor", SHEET.themes),
    elements: context.columnRange("element", SHEET.themes),
    scores: context.columnRange("score", SHEET.themes),
    threshold: context.named(`${SHEET.town}.thresholdUsed`),
    typedThreshold: context.named(`${SHEET.town}.threshold`),
    townName: context.named(`${SHEET.town}.name`),
  };
}
