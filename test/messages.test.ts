/**
 * Every text of lib's catalogues — findings, cost-model findings, command line, roadmap, short
 * terms and the sentences of `ikz upgrade` — and every finding code of every template rendered in
 * German and English with 0, 1 and 2 items: no plural hacks („Befund(e)“), nothing undefined, no
 * placeholder left, singular after 1 and plural after 0 and 2, years without a thousands
 * separator; each finding's expected and found value in the language too. The pane's texts:
 * addin/messages.test.ts.
 */
import { describe, expect, it } from "vitest";
import { countProblems, textProblems } from "../lib/testing/wordingProblems.js";
import {
  WORKPLACE_PROFILE_FINDINGS,
  WORKPLACE_PROFILE_FINDING_EXAMPLES,
} from "../templates/arbeitsplatzprofil/findings.js";
import {
  SERVICE_CATALOGUE_FINDINGS,
  SERVICE_CATALOGUE_FINDING_EXAMPLES,
} from "../templates/it-servicekatalog/findings.js";
import { PESTEL_FINDINGS, PESTEL_FINDING_EXAMPLES } from "../templates/pestel/findings.js";
import { COST_MODEL_CODES, COST_MODEL_FINDINGS } from "../lib/messages/costModelFindings.js";
import { PRODUCT_LIST_CODES, PRODUCT_LIST_FINDINGS } from "../lib/messages/productListFindings.js";
import {
  renderFinding,
  type FindingCatalogue,
  type FindingExamples,
  type FindingParams,
  type RenderedFinding,
} from "../lib/messages/findings.js";
import { LANGUAGES, type ColumnSpec, type Language, type TemplateSpec } from "../lib/spec/TemplateSpec.js";
import type { UpgradeChange } from "../lib/upgrade/UpgradeChange.js";
import { MESSAGE_CODES, renderMessage } from "../lib/messages/catalogue.js";
import { CLI_TEXT_KEYS, renderCliText } from "../lib/messages/cliTexts.js";
import { ROADMAP_TEXT_KEYS, renderRoadmapText } from "../lib/messages/roadmapTexts.js";
import { countNoun, pluralNoun } from "../lib/messages/plural.js";
import { parseCell } from "../lib/validation/parseCell.js";
import { TERM_KEYS, groupsDigits, renderTerm } from "../lib/messages/terms.js";
import { renderUpgradeChange } from "../lib/messages/upgradeTexts.js";

type Items = 0 | 1 | 2;

/** A finding as one text — sentence, expected, found — so each part is checked; a part missing shows as „undefined“. */
const wholeFinding = (finding: RenderedFinding): string =>
  `${finding.message} (${String(finding.expected)}; ${String(finding.received)})`;
const ITEMS: readonly Items[] = [0, 1, 2];

/** Renders each key in both languages with 0, 1 and 2 items and returns every problem found. */
function problemsOf<K extends string>(
  keys: readonly K[],
  render: (key: K, language: Language, items: Items) => string,
): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    for (const language of LANGUAGES) {
      const rendered = { 0: render(key, language, 0), 1: render(key, language, 1), 2: render(key, language, 2) };
      for (const items of ITEMS)
        for (const problem of textProblems(rendered[items]))
          problems.push(`${key} (${language}, ${items}): ${problem} — ${rendered[items]}`);
      for (const problem of countProblems(rendered, language)) problems.push(`${key} (${language}): ${problem}`);
    }
  }
  return problems;
}

describe("every message in German and English with 0, 1 and 2 items", () => {
  it("findings catalogue", () => {
    expect(
      problemsOf(MESSAGE_CODES, (code, language, items) =>
        renderMessage(code, language, {
          received: "„x“ (Text)",
          expected: "Zahl",
          column: "Einwohner",
          sheet: "Kommunen",
          value: "7",
          other: "Aufgaben",
          count: items,
          place: "Kommunen!A7",
          otherPlace: "Kommunen!A8",
          reason: "prefix",
        }),
      ),
    ).toEqual([]);
  });

  it("cost-model findings, with expected and found value", () => {
    expect(
      problemsOf(COST_MODEL_CODES, (code, language, items) =>
        wholeFinding(
          renderFinding(COST_MODEL_FINDINGS, code, language, {
            subject: { de: "Kommune „Bockau“", en: "Town “Bockau”" },
            text: "Bockau",
            value: 0.3,
            cents: 123_456,
            limitCents: 100_000_000,
            // `key.valueMissing` names the items beyond the first: its count is one more than it shows
            limit: items,
            count: code === "costModel.key.valueMissing" ? items + 1 : items,
            position: 3,
            otherPosition: 5,
            key: "population",
            actual: true,
            found: items === 0 ? null : items === 1 ? -5 : "abc",
            years: { min: 2000, max: 2100 },
          }),
        ),
      ),
    ).toEqual([]);
  });

  it("product-list findings, from a sheet and from a CSV file", () => {
    expect(
      problemsOf(
        PRODUCT_LIST_CODES,
        (code, language, items) =>
          renderFinding(PRODUCT_LIST_FINDINGS, code, language, {
            at: { line: 7, cell: "B7", header: "Bezeichnung", ...(items === 1 ? { sheet: "Produkte" } : {}) },
            received: "11.12",
            code: "1113",
            earlier: 4,
            line: 3,
            headers: { code: ["Produktcode", "Nr"], name: ["Bezeichnung"], searchRows: 10 },
          }).message,
      ),
    ).toEqual([]);
  });

  it.each([
    ["pestel", PESTEL_FINDINGS, PESTEL_FINDING_EXAMPLES],
    ["arbeitsplatzprofil", WORKPLACE_PROFILE_FINDINGS, WORKPLACE_PROFILE_FINDING_EXAMPLES],
    ["it-servicekatalog", SERVICE_CATALOGUE_FINDINGS, SERVICE_CATALOGUE_FINDING_EXAMPLES],
  ] as const)("the findings of the template %s, each named after it, with expected and found value", (id, ...found) => {
    const [catalogue, examples] = found as unknown as [FindingCatalogue, FindingExamples<FindingCatalogue>];
    const codes = Object.keys(catalogue);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !code.startsWith(`${id}.`))).toEqual([]);
    expect(Object.keys(examples).sort()).toEqual([...codes].sort());
    expect(
      problemsOf(codes, (code, language) =>
        wholeFinding(
          renderFinding(catalogue, code, language, examples[code] as FindingParams<FindingCatalogue, string>),
        ),
      ),
    ).toEqual([]);
    // German and English differ: nothing left untranslated
    for (const code of codes) {
      const params = examples[code] as FindingParams<FindingCatalogue, string>;
      const [de, en] = LANGUAGES.map((language) => renderFinding(catalogue, code, language, params));
      expect(de?.message, code).not.toBe(en?.message);
    }
  });

  it("command line", () => {
    expect(
      problemsOf(CLI_TEXT_KEYS, (key, language, items) =>
        renderCliText(key, language, { file: "bockau.xlsx", value: "Bockau", other: "Zschorlau", count: items }),
      ),
    ).toEqual([]);
  });

  it("roadmap and decision paper", () => {
    // `pageOf` is a pattern the print header fills in: its placeholders are meant
    const problems = problemsOf(ROADMAP_TEXT_KEYS, (key, language, items) => {
      const text = renderRoadmapText(key, language, {
        town: "Bockau",
        other: "Zschorlau",
        value: "7",
        count: items,
        need: "2 und 3",
      });
      return key === "pageOf" ? text.replace("{pages}", "9").replace("{page}", "1") : text;
    });
    expect(problems).toEqual([]);
  });

  it("short terms", () => {
    expect(
      problemsOf(TERM_KEYS, (key, language, items) =>
        renderTerm(key, language, {
          column: "Einwohner",
          expected: "Zahl",
          sheet: "Listen",
          min: 3,
          max: 9,
          value: "x",
          count: items,
        }),
      ),
    ).toEqual([]);
  });

  it("sentences of ikz upgrade", () => {
    const changes = (items: Items): UpgradeChange[] => [
      { kind: "sheetAdded", sheet: "Neu" },
      { kind: "sheetRenamed", from: "Alt", sheet: "Neu" },
      { kind: "sheetRecognised", from: "Alt", sheet: "Neu" },
      { kind: "columnMoved", sheet: "Aufgaben", column: "Code", from: "B", to: "C" },
      { kind: "columnRenamed", sheet: "Aufgaben", from: "Alt", column: "Neu" },
      { kind: "columnAdded", sheet: "Aufgaben", column: "Neu", at: "D" },
      {
        kind: "computedColumnsRenewed",
        sheet: "Aufgaben",
        dropped: ["Alt"],
        renamed: [{ from: "A", to: "B" }],
        added: [],
      },
      { kind: "valuesCarried", sheet: "Aufgaben", count: items },
      {
        kind: "extraColumnKept",
        sheet: "Aufgaben",
        header: "Notiz",
        from: "X",
        to: "Y",
        count: items,
        formulas: items,
      },
      { kind: "userSheetKept", sheet: "Eigenes", count: items, formulas: items },
      { kind: "headerGuessed", sheet: "Aufgaben", cell: "C6", found: "Kode", column: "Code" },
      { kind: "formulaReplaced", sheet: "Aufgaben", cell: "C7", formula: "=A1", value: 5 },
      {
        kind: "valueCarriedOver",
        sheet: "Aufgaben",
        cell: "C7",
        value: "x",
        reason: "outsideTable",
        at: "Übernommen!D5",
      },
    ];
    const kinds = changes(0).map((change) => change.kind);
    const render = (kind: UpgradeChange["kind"], language: Language, items: Items) =>
      renderUpgradeChange(
        changes(items).find((change) => change.kind === kind)!,
        language,
      );
    expect(problemsOf(kinds, render)).toEqual([]);
  });

  it("years without a thousands separator: the budget year's range", () => {
    for (const language of LANGUAGES) {
      const range = renderTerm("expectWholeNumber", language, { min: 2000, max: 2100, grouping: false });
      expect(range).toContain("2000");
      expect(range).toContain("2100");
      expect(textProblems(range)).toEqual([]);
    }
    // counts and amounts keep their separator
    expect(renderTerm("expectWholeNumber", "de", { min: 1000, max: 250000 })).toBe("ganze Zahl von 1.000 bis 250.000");
  });

  it("years without a thousands separator: a finding about a column whose cells show none", () => {
    const year: ColumnSpec = {
      key: "year",
      label: { de: "Haushaltsjahr", en: "Budget year" },
      type: "integer",
      kind: "input",
      min: 2000,
      max: 2100,
      numberFormat: "0",
      width: 10,
    };
    const population: ColumnSpec = {
      ...year,
      key: "population",
      label: { de: "Einwohner", en: "Population" },
      min: 0,
      max: 250_000,
      numberFormat: "#,##0",
    };
    const spec = {} as TemplateSpec; // only list columns look into the spec
    const [de] = parseCell(spec, year, { value: 1999 }, "de").problems;
    expect(de).toMatchObject({
      code: "cell.outOfRange",
      expected: "ganze Zahl von 2000 bis 2100",
      received: "1999 (Zahl)",
    });
    const [en] = parseCell(spec, year, { value: 2101 }, "en").problems;
    expect(en).toMatchObject({ expected: "whole number from 2000 to 2100", received: "2101 (number)" });
    // decided by the column, not by the value: a population keeps its separator
    const [people] = parseCell(spec, population, { value: 250_001 }, "de").problems;
    expect(people).toMatchObject({ expected: "ganze Zahl von 0 bis 250.000", received: "250.001 (Zahl)" });
    expect(groupsDigits(year)).toBe(false);
    expect(groupsDigits(population)).toBe(true);
    expect(groupsDigits({})).toBe(true);
    expect(groupsDigits({ numberFormat: '#,##0.00 "€"' })).toBe(true);
  });
});

describe("the texts the issue named", () => {
  it("a validation summary: „1 Befund (1 Warnung)“, kinds without findings left out", () => {
    const summary = (language: Language, errors: number, warnings: number) =>
      renderCliText("summary", language, {
        file: "bockau.xlsx",
        count: errors + warnings,
        value: renderCliText("counts", language, { errors, warnings }),
      });
    expect(summary("de", 0, 1)).toBe("bockau.xlsx: 1 Befund (1 Warnung)");
    expect(summary("de", 1, 2)).toBe("bockau.xlsx: 3 Befunde (1 Fehler, 2 Warnungen)");
    expect(summary("de", 2, 0)).toBe("bockau.xlsx: 2 Befunde (2 Fehler)");
    expect(summary("en", 0, 1)).toBe("bockau.xlsx: 1 finding (1 warning)");
    expect(summary("en", 1, 1)).toBe("bockau.xlsx: 2 findings (1 error, 1 warning)");
  });

  it("a roadmap's and a partnership's towns: „1 Kommune“", () => {
    expect(renderCliText("consolidateDone", "de", { count: 1, value: "Bockau", other: "v.xlsx" })).toBe(
      "Verbundmappe für 1 Kommune (Bockau): v.xlsx",
    );
    expect(renderCliText("roadmapFigures", "en", { count: 1, value: "0", other: "50" })).toBe(
      "1 town, 0× class A, mean 50 points",
    );
  });
});

describe("countNoun", () => {
  it("takes the singular for exactly 1 and the plural otherwise, in both languages", () => {
    expect(countNoun(0, "Befund", "Befunde", "de")).toBe("0 Befunde");
    expect(countNoun(1, "Befund", "Befunde", "de")).toBe("1 Befund");
    expect(countNoun(2, "Befund", "Befunde", "de")).toBe("2 Befunde");
    expect(countNoun(1, "finding", "findings", "en")).toBe("1 finding");
    expect(countNoun(0, "finding", "findings", "en")).toBe("0 findings");
    expect(countNoun(1200, "Fehler", "Fehler", "de")).toBe("1.200 Fehler");
    expect(countNoun(1200, "error", "errors", "en")).toBe("1,200 errors");
    expect(countNoun(undefined, "Datei", "Dateien", "de")).toBe("0 Dateien");
    expect(pluralNoun(1, "Wert", "Werten")).toBe("Wert");
    expect(pluralNoun(3, "Wert", "Werten")).toBe("Werten");
  });

  it("the checks catch a missing singular and a plural hack", () => {
    expect(textProblems("1 Befund(e) (0 Fehler, 1 Warnungen)")).not.toEqual([]);
    expect(
      countProblems({ 0: "0 Kommunen verglichen", 1: "1 Kommunen verglichen", 2: "2 Kommunen verglichen" }, "de"),
    ).not.toEqual([]);
    expect(
      countProblems({ 0: "0 Kommunen verglichen", 1: "1 Kommune verglichen", 2: "2 Kommunen verglichen" }, "de"),
    ).toEqual([]);
    expect(countProblems({ 0: "0 Fehler", 1: "1 Fehler", 2: "2 Fehler" }, "de")).toEqual([]);
    expect(textProblems("ganze Zahl von 2.000 bis 2.100")).not.toEqual([]);
  });
});
