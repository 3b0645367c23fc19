/**
 * Named findings with their texts. A catalogue maps each code (`"pestel.unknownMeasure"`) to the
 * sentence a user reads and, where the code knows them, what it expects and what was found — each
 * in German and English, rendered from typed parameters, so a finding cannot lose its facts in
 * translation. lib's own codes: `catalogue.ts` (workbooks, cells, formulas) and
 * `costModelFindings.ts` (the cost model); each template declares its codes in
 * `templates/<id>/findings.ts`. Issues are made from a code with `createFinding`
 * (lib/validation/ValidationIssue.ts).
 */
import type { Language } from "../spec/TemplateSpec.js";

/** One text in every language, rendered from the parameters `P`. */
export type FindingText<P> = Readonly<Record<Language, (params: P) => string>>;

/** The texts of one finding code. */
export interface FindingTexts<P> {
  /** The whole sentence. */
  readonly message: FindingText<P>;
  /** What is expected (short: „ganze Zahl ≥ 0“), when the code knows it. */
  readonly expected?: FindingText<P>;
  /** What was found (short: „„x“ (Text)“), when the code knows it. */
  readonly received?: FindingText<P>;
}

/** Code → texts; each entry renders from its own parameter type (`never` admits them all). */
export type FindingCatalogue = Readonly<Record<string, FindingTexts<never>>>;

/** The parameters of `code` in `catalogue`. */
export type FindingParams<
  Catalogue extends FindingCatalogue,
  Code extends keyof Catalogue,
> = Code extends keyof Catalogue ? (Catalogue[Code] extends FindingTexts<infer P> ? P : never) : never;

/** One finding of `catalogue` as data: a code and its facts (before it is rendered). */
export type FindingOf<Catalogue extends FindingCatalogue> = {
  [Code in keyof Catalogue & string]: { readonly code: Code; readonly params: FindingParams<Catalogue, Code> };
}[keyof Catalogue & string];

/** For each code of a catalogue, one set of parameters: the test renders every code with them. */
export type FindingExamples<Catalogue extends FindingCatalogue> = {
  readonly [Code in keyof Catalogue]: FindingParams<Catalogue, Code>;
};

/**
 * One code's texts, with its parameters named once: `finding<{ id: string }>({ message: … })`.
 * Always give the type: inside a catalogue the texts would otherwise be typed from it (`never`).
 */
export const finding = <P>(texts: FindingTexts<P>): FindingTexts<P> => texts;

/** The parameters of a finding that needs no facts: `finding<NoFacts>(…)`. */
export type NoFacts = Record<string, never>;

/** A finding's texts in one language. */
export interface RenderedFinding {
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Renders a code of `catalogue` in `language`: its sentence, and expected/received where the code has them. */
export function renderFinding<Catalogue extends FindingCatalogue, Code extends keyof Catalogue & string>(
  catalogue: Catalogue,
  code: Code,
  language: Language,
  params: FindingParams<Catalogue, Code>,
): RenderedFinding {
  // Each entry takes its own parameter type; `params` is that type by the signature.
  const texts = catalogue[code] as FindingTexts<FindingParams<Catalogue, Code>>;
  return {
    message: texts.message[language](params),
    ...(texts.expected === undefined ? {} : { expected: texts.expected[language](params) }),
    ...(texts.received === undefined ? {} : { received: texts.received[language](params) }),
  };
}

/** The same text in both languages (a number, a code, a name as typed). */
export const sameText = <P>(text: (params: P) => string): FindingText<P> => ({ de: text, en: text });

/**
 * A finding's code: `<area>.<name>` (`cell.notANumber`, `costModel.value.negative`,
 * `pestel.unknownMeasure`). Typed where it is made: `createIssue` takes lib's `MessageCode`,
 * `createFinding` only the codes of the catalogue it is given.
 */
export type FindingCode = `${string}.${string}`;
