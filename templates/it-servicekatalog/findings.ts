/**
 * The service catalogue's own findings (its checks: templates/it-servicekatalog/serviceCatalogue.ts),
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

const MONEY: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

export const SERVICE_CATALOGUE_FINDINGS = {
  /** A part of the product-code cell that is no code. */
  "it-servicekatalog.invalidProductCode": finding<{ readonly part: string }>({
    message: {
      de: (p) =>
        `„${p.part}“ in „Produktcodes“ ist kein Produktcode. Codes bestehen aus 2 bis 8 Ziffern; mehrere Codes mit Komma trennen.`,
      en: (p) =>
        `“${p.part}” in “Product codes” is not a product code. Codes have 2 to 8 digits; separate several codes with commas.`,
    },
    expected: {
      de: () => "Produktcodes aus 2 bis 8 Ziffern, z. B. 1113, 611",
      en: () => "product codes of 2 to 8 digits, e.g. 1113, 611",
    },
    received: { de: (p) => `„${p.part}“ (Text)`, en: (p) => `“${p.part}” (text)` },
  }),
  /** A well-formed code the product framework does not know. */
  "it-servicekatalog.unknownProductCode": finding<{ readonly code: string }>({
    message: {
      de: (p) =>
        `Der Produktcode ${p.code} steht nicht im Produktrahmen; er wird als eigener Code der Kommune behandelt.`,
      en: (p) => `The product code ${p.code} is not in the product framework; it is treated as the town's own code.`,
    },
    expected: { de: () => "Code aus dem Produktrahmen", en: () => "a code of the product framework" },
    received: sameText((p) => p.code),
  }),
  /** A contract end before the reference date. */
  "it-servicekatalog.contractEnded": finding<{ readonly end: string; readonly reference: string }>({
    message: {
      de: (p) =>
        `Das Vertragsende ${p.end} liegt vor dem Stichtag ${p.reference}. Wurde der Vertrag verlängert? Bitte das neue Vertragsende eintragen.`,
      en: (p) =>
        `The contract end ${p.end} lies before the reference date ${p.reference}. Was the contract renewed? Please enter the new contract end.`,
    },
    expected: {
      de: (p) => `ein Datum ab dem Stichtag ${p.reference}`,
      en: (p) => `a date from the reference date ${p.reference}`,
    },
    received: sameText((p) => p.end),
  }),
  /** Users 0 although the service costs money. */
  "it-servicekatalog.usersZeroWithCost": finding<{ readonly cost: number }>({
    message: {
      de: (p) =>
        `„Nutzer“ ist 0, es sind aber Jahreskosten von ${MONEY.de.format(p.cost)} € eingetragen; die Kosten je Nutzer bleiben leer. Bitte die Nutzerzahl prüfen.`,
      en: (p) =>
        `“Users” is 0, but an annual cost of €${MONEY.en.format(p.cost)} is entered; the cost per user stays empty. Please check the number of users.`,
    },
    expected: { de: () => "Nutzerzahl größer 0", en: () => "a number of users above 0" },
    received: sameText(() => "0"),
  }),
  /** A service id used a second time. */
  "it-servicekatalog.duplicateServiceId": finding<{ readonly id: string; readonly first: string }>({
    message: {
      de: (p) => `Die Service-ID „${p.id}“ kommt mehrfach vor (zuerst in ${p.first}).`,
      en: (p) => `The service ID “${p.id}” appears more than once (first in ${p.first}).`,
    },
    expected: { de: () => "jede Service-ID nur einmal", en: () => "each service ID once" },
    received: sameText((p) => p.id),
  }),
  /** An empty catalogue. */
  "it-servicekatalog.noServices": finding<NoFacts>({
    message: {
      de: () => "Der Servicekatalog enthält noch keinen Service.",
      en: () => "The service catalogue holds no service yet.",
    },
    expected: { de: () => "mindestens ein Service", en: () => "at least one service" },
    received: { de: () => "keine Zeile", en: () => "no row" },
  }),
} satisfies FindingCatalogue;

/** One set of facts per code, for the test that renders every code. */
export const SERVICE_CATALOGUE_FINDING_EXAMPLES: FindingExamples<typeof SERVICE_CATALOGUE_FINDINGS> = {
  "it-servicekatalog.invalidProductCode": { part: "11a3" },
  "it-servicekatalog.unknownProductCode": { code: "9999" },
  "it-servicekatalog.contractEnded": { end: "31.12.2025", reference: "01.01.2026" },
  "it-servicekatalog.usersZeroWithCost": { cost: 1234.5 },
  "it-servicekatalog.duplicateServiceId": { id: "S-01", first: "Services!A7" },
  "it-servicekatalog.noServices": {},
};
