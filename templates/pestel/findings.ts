/**
 * The PESTEL matrix's own findings (its checks: templates/pestel/checks.ts), each a named
 * code with its sentence, what it expects and what was found, in German and English.
 */
import { countNoun } from "../../lib/messages/plural.js";
import { renderTerm } from "../../lib/messages/terms.js";
import { finding, type FindingCatalogue, type FindingExamples, type FindingText } from "../../lib/messages/findings.js";
import type { ActionField } from "../../lib/pestel/model.js";
import { ACTION_FIELD_TITLES } from "../reference/measures.js";

/** The measure cell as typed. */
interface Typed {
  readonly typed: string;
}
/** A typed id the reader can correct: `2,1` or a date for `2.1`. */
interface Suggestion {
  readonly text: string;
  readonly suggestion: string;
}
interface OtherField {
  readonly id: string;
  /** The measure's own field. */
  readonly field: ActionField;
  /** The field the row names. */
  readonly rowField: ActionField;
}

const MEASURE_EXPECTED: FindingText<unknown> = {
  de: () => "Nummern 0, 1.1 … 4.4 aus dem Blatt „Maßnahmen“, mehrere mit Komma getrennt (z. B. 2.1, 4.2)",
  en: () => "numbers 0, 1.1 … 4.4 from the sheet “Measures”, several separated by commas (e.g. 2.1, 4.2)",
};
const TYPED_TEXT: FindingText<Typed> = {
  de: (p) => renderTerm("kindText", "de", { value: p.typed }),
  en: (p) => renderTerm("kindText", "en", { value: p.typed }),
};

export const PESTEL_FINDINGS = {
  /** A field of action („2“) where a measure („2.1“) belongs. */
  "pestel.measureIsActionField": finding<Typed & { readonly id: string }>({
    message: {
      de: (p) =>
        `„${p.id}“ ist ein Handlungsfeld, keine Maßnahme; bitte die Nummer der Maßnahme angeben (z. B. ${p.id}.1).`,
      en: (p) => `“${p.id}” is a field of action, not a measure; please give the measure's number (e.g. ${p.id}.1).`,
    },
    expected: MEASURE_EXPECTED,
    received: TYPED_TEXT,
  }),
  "pestel.unknownMeasure": finding<Typed & { readonly id: string }>({
    message: {
      de: (p) => `„${p.id}“ ist keine Nummer aus dem Maßnahmenkatalog.`,
      en: (p) => `“${p.id}” is not a number of the catalogue of measures.`,
    },
    expected: MEASURE_EXPECTED,
    received: TYPED_TEXT,
  }),
  /** `2,1` for `2.1`. */
  "pestel.measureDecimalComma": finding<Typed & Suggestion>({
    message: {
      de: (p) =>
        `„${p.text}“: Maßnahmen werden mit Punkt geschrieben (${p.suggestion}); mehrere Nummern mit Komma und Leerzeichen trennen (z. B. ${p.suggestion}, 4.2).`,
      en: (p) =>
        `“${p.text}”: measures are written with a point (${p.suggestion}); separate several numbers with a comma and a space (e.g. ${p.suggestion}, 4.2).`,
    },
    expected: MEASURE_EXPECTED,
    received: TYPED_TEXT,
  }),
  /** Excel turned a typed id into a date. */
  "pestel.measureAsDate": finding<Typed & Suggestion>({
    message: {
      de: (p) =>
        `Excel hat die Eingabe als Datum gespeichert (${p.text}). Bitte die Zelle als Text formatieren und die Nummer neu eingeben, z. B. ${p.suggestion}.`,
      en: (p) =>
        `Excel stored the entry as a date (${p.text}). Please format the cell as text and type the number again, e.g. ${p.suggestion}.`,
    },
    expected: MEASURE_EXPECTED,
    received: TYPED_TEXT,
  }),
  /** A measure of another field of action than the row's (measure 0 fits every field). */
  "pestel.measureOfOtherField": finding<OtherField>({
    message: {
      de: (p) =>
        `Maßnahme ${p.id} gehört zum Handlungsfeld ${p.field} (${ACTION_FIELD_TITLES[p.field].de}), die Zeile nennt Handlungsfeld ${p.rowField}.`,
      en: (p) =>
        `Measure ${p.id} belongs to field of action ${p.field} (${ACTION_FIELD_TITLES[p.field].en}); the row names field ${p.rowField}.`,
    },
    expected: {
      de: (p) => `Maßnahmen des Handlungsfelds ${p.rowField} oder Maßnahme 0`,
      en: (p) => `measures of field ${p.rowField} or measure 0`,
    },
    received: { de: (p) => `${p.id} (Handlungsfeld ${p.field})`, en: (p) => `${p.id} (field ${p.field})` },
  }),
  /** A hot spot the working group has not yet given a measure. */
  "pestel.hotSpotWithoutMeasure": finding<{ readonly theme: string; readonly score: number }>({
    message: {
      de: (p) => `Brennpunkt ohne Maßnahme: „${p.theme}“ (${countNoun(p.score, "Punkt", "Punkte", "de")}).`,
      en: (p) => `Hot spot without a measure: “${p.theme}” (score ${p.score}).`,
    },
    expected: { de: () => "mindestens eine Maßnahme (Nr.)", en: () => "at least one measure (no.)" },
    received: { de: () => renderTerm("kindEmpty", "de"), en: () => renderTerm("kindEmpty", "en") },
  }),
  /** The same theme twice for one factor and element. */
  "pestel.duplicateTheme": finding<{ readonly theme: string; readonly first: string }>({
    message: {
      de: (p) => `Das Thema „${p.theme}“ steht für denselben Faktor und dasselbe Element schon in ${p.first}.`,
      en: (p) => `The theme “${p.theme}” is already listed for the same factor and element in ${p.first}.`,
    },
    expected: {
      de: () => "jedes Thema einmal je Faktor und Element",
      en: () => "each theme once per factor and element",
    },
    received: {
      de: (p) => renderTerm("kindText", "de", { value: p.theme }),
      en: (p) => renderTerm("kindText", "en", { value: p.theme }),
    },
  }),
} satisfies FindingCatalogue;

/** One set of facts per code, for the test that renders every code. */
export const PESTEL_FINDING_EXAMPLES: FindingExamples<typeof PESTEL_FINDINGS> = {
  "pestel.measureIsActionField": { typed: "2", id: "2" },
  "pestel.unknownMeasure": { typed: "9.9", id: "9.9" },
  "pestel.measureDecimalComma": { typed: "2,1", text: "2,1", suggestion: "2.1" },
  "pestel.measureAsDate": { typed: "02.01.2026", text: "02.01.2026", suggestion: "2.1" },
  "pestel.measureOfOtherField": { id: "4.2", field: 4, rowField: 2 },
  "pestel.hotSpotWithoutMeasure": { theme: "Fachkräftemangel", score: 1 },
  "pestel.duplicateTheme": { theme: "Fachkräftemangel", first: "Themen!C7" },
};
