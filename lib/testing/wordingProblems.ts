/**
 * What a rendered user-facing text must not show, and how a count must meet its noun. Used by the
 * tests that render every message of every catalogue (test/messages.test.ts and the
 * pane's addin/messages.test.ts) in German and English with 0, 1 and 2 items.
 */
import type { Language } from "../spec/TemplateSpec.js";

/** Plural hacks such as „Befund(e)“, „Stelle(n)“, „finding(s)“. */
const PLURAL_HACK = /[\p{L}]\((?:e|s|n|en|er|es|nen)\)/u;
/** Left-overs of a template that was not filled in: `{themes}`, `${…}`, `%s`. */
const PLACEHOLDER = /\{[A-Za-z_]\w*\}|\$\{|%s\b|%d\b/;
/** A year written with a thousands separator: „2.000“, „2,100“, „1.999“. */
const YEAR_WITH_SEPARATOR = /(?<![\d.,])(?:1[.,]9\d\d|2[.,][01]\d\d)(?![\d.,]*\d)/;

/** Problems of one rendered text, each as a short sentence (empty when the text is fine). */
export function textProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.trim() === "") problems.push("empty text");
  if (/undefined|NaN|\[object /.test(text)) problems.push("shows undefined, NaN or [object …]");
  const hack = PLURAL_HACK.exec(text);
  if (hack) problems.push(`plural hack „${text.slice(Math.max(0, hack.index - 12), hack.index + 5)}“`);
  const placeholder = PLACEHOLDER.exec(text);
  if (placeholder) problems.push(`unreplaced placeholder „${placeholder[0]}“`);
  const year = YEAR_WITH_SEPARATOR.exec(text);
  if (year) problems.push(`year or year-like number with a thousands separator „${year[0]}“`);
  return problems;
}

/**
 * Words that read the same after 1 and after 2 and still are right: nouns that do not change in
 * the plural, and words after which no noun follows (a range „1 bis 3“, „1 of 3“).
 */
const SAME_IN_BOTH: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: new Set(["Fehler", "Zeichen", "Mal", "bis", "von", "und", "oder", "auf", "in", "mehr", "weniger", "×"]),
  en: new Set(["to", "of", "and", "or", "in", "on", "more", "×"]),
};

/** The one to three words after each standalone occurrence of the number `n` (as the language writes it). */
export function phrasesAfter(text: string, n: number, language: Language): string[] {
  const number = n.toLocaleString(language === "de" ? "de-DE" : "en-GB");
  const escaped = number.replace(/[.,]/g, "\\$&");
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}.,/-])${escaped}(?![\\p{N}]|[.,]\\p{N})(×?) ([\\p{L}-]+)(?: ([\\p{L}-]+))?(?: ([\\p{L}-]+))?`,
    "gu",
  );
  return [...text.matchAll(pattern)].map((m) => [m[1], m[2], m[3], m[4]].filter(Boolean).join(" "));
}

type Items = 0 | 1 | 2;

/** `items` without one occurrence of each of `fixed` (a multiset difference). */
function without(items: readonly string[], fixed: readonly string[]): string[] {
  const rest = [...items];
  for (const phrase of fixed) {
    const index = rest.indexOf(phrase);
    if (index >= 0) rest.splice(index, 1);
  }
  return rest;
}

/**
 * Checks how counts meet their nouns in the renderings of one message with 0, 1 and 2 items:
 * after 1 the words must differ from those after 2 (singular against plural) unless the noun
 * does not change, and after 0 they must be those after 2 (German and English say „0 Befunde“,
 * „0 findings“). A message that words 1 differently („ein Eintrag“) has nothing to compare.
 */
export function countProblems(rendered: Readonly<Record<Items, string>>, language: Language): string[] {
  if (rendered[1] === rendered[2]) return []; // the message takes no count
  // a number the text itself holds („Bitte 0 eintragen“) stands in the other renderings too
  const own = (n: Items, other: Items) =>
    without(phrasesAfter(rendered[n], n, language), phrasesAfter(rendered[other], n, language));
  const zero = own(0, 2);
  const one = own(1, 2);
  const two = own(2, 1);
  const problems: string[] = [];
  if (one.length === two.length) {
    one.forEach((phrase, i) => {
      const first = phrase.split(" ")[0] ?? "";
      if (phrase === two[i] && !SAME_IN_BOTH[language].has(first))
        problems.push(`„1 ${phrase}“ reads like „2 ${two[i] ?? ""}“: the singular is missing`);
    });
  }
  if (zero.length === two.length) {
    zero.forEach((phrase, i) => {
      if (phrase !== two[i]) problems.push(`„0 ${phrase}“ differs from „2 ${two[i] ?? ""}“: 0 takes the plural`);
    });
  }
  return problems;
}
