/**
 * Counts in words: the one place where a number meets its noun, so that every text says
 * „1 Warnung“ and „2 Warnungen“, „1 finding“ and „0 findings“ — never „Warnung(en)“.
 * German and English both take the singular for exactly 1 and the plural otherwise (0 too).
 */
import type { Language } from "../spec/TemplateSpec.js";

const COUNT_FORMATS: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
};

/**
 * The singular or the plural, as `count` asks for: `one` for exactly 1, `many` otherwise.
 *
 * @example pluralNoun(2, "Wert", "Werte") // "Werte"
 */
export function pluralNoun(count: number | undefined, one: string, many: string): string {
  return (count ?? 0) === 1 ? one : many;
}

/**
 * A count with its noun: the number as the language writes it (thousands separator included),
 * then the singular or the plural. `one` and `many` may hold more than one word
 * (`"gemeinsame Aufgabe"`, `"weitere Formelzellen"`) and any grammatical case the sentence needs.
 *
 * @example countNoun(1, "Warnung", "Warnungen", "de") // "1 Warnung"
 * @example countNoun(1200, "error", "errors", "en") // "1,200 errors"
 */
export function countNoun(count: number | undefined, one: string, many: string, language: Language): string {
  const n = count ?? 0;
  return `${COUNT_FORMATS[language].format(n)} ${pluralNoun(n, one, many)}`;
}
