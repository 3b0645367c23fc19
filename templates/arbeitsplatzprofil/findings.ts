/**
 * The workplace profile's own findings (its checks: templates/arbeitsplatzprofil/checkWorkplaceProfile.ts),
 * each a named code with its sentence, what it expects and what was found, in German and English.
 */
import {
  finding,
  sameText,
  type FindingCatalogue,
  type FindingExamples,
  type NoFacts,
} from "../../lib/messages/findings.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { DimensionKey } from "../../lib/workplace/model.js";
import { ALL_ROLES_WORDS, DIMENSIONS, ROLES } from "./reference.js";

const roleList = (language: Language): string => ROLES.map((role) => role.label[language]).join(", ");
const dimensionLabel = (dimension: DimensionKey, language: Language): string =>
  DIMENSIONS.find((d) => d.key === dimension)?.label[language] ?? dimension;
const NO_NAME = { de: () => "kein Name", en: () => "no name" };
const NONE = { de: () => "keine", en: () => "none" };

/** A town slot without a name, and where its name belongs (`Angaben!B7`), when known. */
interface Slot {
  readonly slot: number;
  readonly nameAt?: string | undefined;
}

export const WORKPLACE_PROFILE_FINDINGS = {
  /** A requirement id used a second time (trimmed, case ignored). */
  "arbeitsplatzprofil.duplicateRequirementId": finding<{ readonly id: string; readonly first: string }>({
    message: {
      de: (p) => `Die Nummer „${p.id}“ gibt es schon in ${p.first}; jede Anforderung braucht eine eigene Nummer.`,
      en: (p) => `The id “${p.id}” is already used in ${p.first}; every requirement needs its own id.`,
    },
    expected: { de: () => "eine noch nicht vergebene Nummer", en: () => "an id not used yet" },
    received: sameText((p) => p.id),
  }),
  /** A role that is not in the list. */
  "arbeitsplatzprofil.unknownRole": finding<{ readonly unknown: string; readonly typed: string }>({
    message: {
      de: (p) =>
        `Unbekannte Rolle „${p.unknown}“. Rollen aus der Liste mit „;“ trennen, oder leer lassen bzw. „${ALL_ROLES_WORDS.de}“ schreiben, wenn die Anforderung für alle Rollen gilt.`,
      en: (p) =>
        `Unknown role “${p.unknown}”. Separate roles from the list with “;”, or leave the cell empty or write “${ALL_ROLES_WORDS.en}” when the requirement applies to every role.`,
    },
    expected: {
      de: () => `Rollen aus: ${roleList("de")}; oder leer/„${ALL_ROLES_WORDS.de}“`,
      en: () => `roles from: ${roleList("en")}; or empty/“${ALL_ROLES_WORDS.en}”`,
    },
    received: { de: (p) => `„${p.typed}“`, en: (p) => `“${p.typed}”` },
  }),
  /** Assessments in the status column of a town slot without a name. */
  "arbeitsplatzprofil.statusWithoutTown": finding<Slot>({
    message: {
      de: (p) =>
        `In der Spalte „Status ${p.slot}“ stehen Bewertungen, aber Kommune ${p.slot} hat keinen Namen (${p.nameAt ?? `Kommune ${p.slot}`}). Bitte den Namen eintragen oder die Bewertungen löschen.`,
      en: (p) =>
        `The column “Status ${p.slot}” holds assessments, but town ${p.slot} has no name (${p.nameAt ?? `town ${p.slot}`}). Please enter the name or delete the assessments.`,
    },
    expected: { de: (p) => `ein Name für Kommune ${p.slot}`, en: (p) => `a name for town ${p.slot}` },
    received: NO_NAME,
  }),
  "arbeitsplatzprofil.noRequirements": finding<NoFacts>({
    message: {
      de: () => "Das Profil enthält keine Anforderung; es gibt nichts zu bewerten.",
      en: () => "The profile holds no requirement; there is nothing to assess.",
    },
    expected: { de: () => "mindestens eine Anforderung", en: () => "at least one requirement" },
    received: NONE,
  }),
  /** A dimension without any requirement (the group may leave one out). */
  "arbeitsplatzprofil.dimensionWithoutRequirement": finding<{ readonly dimension: DimensionKey }>({
    message: {
      de: (p) =>
        `Für die Dimension „${dimensionLabel(p.dimension, "de")}“ gibt es keine Anforderung; ihr Erfüllungsgrad bleibt leer.`,
      en: (p) => `The dimension “${dimensionLabel(p.dimension, "en")}” has no requirement; its fulfilment stays empty.`,
    },
    expected: {
      de: () => "mindestens eine Anforderung je Dimension",
      en: () => "at least one requirement per dimension",
    },
    received: NONE,
  }),
  /** A town named in two slots. */
  "arbeitsplatzprofil.duplicateTown": finding<{ readonly town: string; readonly first: string }>({
    message: {
      de: (p) => `Die Kommune „${p.town}“ steht schon in ${p.first}; jede Kommune bekommt nur eine Spalte.`,
      en: (p) => `The town “${p.town}” is already named in ${p.first}; each town gets one column only.`,
    },
    expected: { de: () => "jede Kommune einmal", en: () => "each town once" },
    received: sameText((p) => p.town),
  }),
  /** Workplace counts in the row of a town slot without a name. */
  "arbeitsplatzprofil.workplacesWithoutTown": finding<Slot>({
    message: {
      de: (p) =>
        `Für Kommune ${p.slot} sind Arbeitsplätze eingetragen, aber sie hat auf „Angaben“ keinen Namen. Bitte den Namen eintragen oder die Zahlen löschen.`,
      en: (p) =>
        `Workplaces are entered for town ${p.slot}, but it has no name on “Settings”. Please enter the name or delete the numbers.`,
    },
    expected: { de: (p) => `ein Name für Kommune ${p.slot}`, en: (p) => `a name for town ${p.slot}` },
    received: NO_NAME,
  }),
} satisfies FindingCatalogue;

/** One set of facts per code, for the test that renders every code. */
export const WORKPLACE_PROFILE_FINDING_EXAMPLES: FindingExamples<typeof WORKPLACE_PROFILE_FINDINGS> = {
  "arbeitsplatzprofil.duplicateRequirementId": { id: "H-01", first: "Anforderungen!B5" },
  "arbeitsplatzprofil.unknownRole": { unknown: "Hausmeister", typed: "Sachbearbeitung; Hausmeister" },
  "arbeitsplatzprofil.statusWithoutTown": { slot: 3 },
  "arbeitsplatzprofil.noRequirements": {},
  "arbeitsplatzprofil.dimensionWithoutRequirement": { dimension: "digital" },
  "arbeitsplatzprofil.duplicateTown": { town: "Bockau", first: "Angaben!B7" },
  "arbeitsplatzprofil.workplacesWithoutTown": { slot: 2, nameAt: "Angaben!B9" },
};
