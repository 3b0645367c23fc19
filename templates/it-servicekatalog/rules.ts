/**
 * The service catalogue's own findings (code `template.rule`): each sentence in German and
 * English, with what was expected and what was found.
 */
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";

export interface RuleText {
  readonly message: LocalizedText;
  readonly expected: LocalizedText;
  readonly received: LocalizedText;
}

const MONEY: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

const same = (text: string): LocalizedText => ({ de: text, en: text });

/** A part of the product-code cell that is no code. */
export const invalidCodeRule = (part: string): RuleText => ({
  message: {
    de: `„${part}“ in „Produktcodes“ ist kein Produktcode. Codes bestehen aus 2 bis 8 Ziffern; mehrere Codes mit Komma trennen.`,
    en: `“${part}” in “Product codes” is not a product code. Codes have 2 to 8 digits; separate several codes with commas.`,
  },
  expected: {
    de: "Produktcodes aus 2 bis 8 Ziffern, z. B. 1113, 611",
    en: "product codes of 2 to 8 digits, e.g. 1113, 611",
  },
  received: { de: `„${part}“ (Text)`, en: `“${part}” (text)` },
});

/** A well-formed code the product framework does not know. */
export const unknownCodeRule = (code: string): RuleText => ({
  message: {
    de: `Der Produktcode ${code} steht nicht im Produktrahmen; er wird als eigener Code der Kommune behandelt.`,
    en: `The product code ${code} is not in the product framework; it is treated as the town's own code.`,
  },
  expected: { de: "Code aus dem Produktrahmen", en: "a code of the product framework" },
  received: same(code),
});

/** A contract end before the reference date. */
export const contractEndedRule = (end: string, reference: string): RuleText => ({
  message: {
    de: `Das Vertragsende ${end} liegt vor dem Stichtag ${reference}. Wurde der Vertrag verlängert? Bitte das neue Vertragsende eintragen.`,
    en: `The contract end ${end} lies before the reference date ${reference}. Was the contract renewed? Please enter the new contract end.`,
  },
  expected: { de: `ein Datum ab dem Stichtag ${reference}`, en: `a date from the reference date ${reference}` },
  received: same(end),
});

/** Users 0 although the service costs money. */
export const usersZeroWithCostRule = (cost: number): RuleText => ({
  message: {
    de: `„Nutzer“ ist 0, es sind aber Jahreskosten von ${MONEY.de.format(cost)} € eingetragen; die Kosten je Nutzer bleiben leer. Bitte die Nutzerzahl prüfen.`,
    en: `“Users” is 0, but an annual cost of €${MONEY.en.format(cost)} is entered; the cost per user stays empty. Please check the number of users.`,
  },
  expected: { de: "Nutzerzahl größer 0", en: "a number of users above 0" },
  received: same("0"),
});

/** A service id used a second time. */
export const duplicateIdRule = (id: string, first: string): RuleText => ({
  message: {
    de: `Die Service-ID „${id}“ kommt mehrfach vor (zuerst in ${first}).`,
    en: `The service ID “${id}” appears more than once (first in ${first}).`,
  },
  expected: { de: "jede Service-ID nur einmal", en: "each service ID once" },
  received: same(id),
});

/** An empty catalogue. */
export const noServicesRule = (): RuleText => ({
  message: { de: "Der Servicekatalog enthält noch keinen Service.", en: "The service catalogue holds no service yet." },
  expected: { de: "mindestens ein Service", en: "at least one service" },
  received: { de: "keine Zeile", en: "no row" },
});
