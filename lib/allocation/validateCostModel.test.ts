import { describe, expect, it } from "vitest";
import type { CostItem, CostModel, Town } from "./model.js";
import { normalizeTownName, validateCostModel } from "./validateCostModel.js";

const towns: Town[] = [
  { name: "Zschorlau", population: 5300, cases: 10, workplaces: 4, fteShare: 1.5, fixedPercent: 40 },
  { name: "Schönheide", population: 4600, cases: 0, workplaces: 3, fteShare: 1, fixedPercent: 30 },
  { name: "Bockau", population: 2000, cases: 7, workplaces: 1, fteShare: 0.25, fixedPercent: 30 },
];
const item = (overrides: Partial<CostItem> = {}): CostItem => ({
  name: "Personal",
  key: "population",
  amount: 1000,
  ...overrides,
});
const model = (overrides: Partial<CostModel> = {}): CostModel => ({ towns, items: [item()], ...overrides });

/** [severity, code, path] of each issue, for compact expectations. */
const summary = (m: CostModel) => validateCostModel(m).map((issue) => [issue.severity, issue.code, issue.path]);

describe("validateCostModel", () => {
  it("accepts a clean model, including amounts with binary noise", () => {
    expect(validateCostModel(model())).toEqual([]);
    expect(validateCostModel(model({ items: [item({ amount: 0.1 + 0.2 }), item({ amount: 0 })] }))).toEqual([]);
  });

  it("reports each issue as data: code, path, expected, received, message in German and English", () => {
    const [issue] = validateCostModel(model({ items: [item({ amount: -5 })] }));
    expect(issue).toEqual({
      severity: "error",
      code: "value.negative",
      path: "items[0].amount",
      expected: "≥ 0",
      received: "-5",
      message: {
        de: "Posten „Personal“, Jahresbetrag: der Wert darf nicht negativ sein (gefunden: -5).",
        en: "Item “Personal”, annual amount: the value must not be negative (found: -5).",
      },
    });
  });

  it("refuses amounts with more than two decimals, above the limit, or not a number", () => {
    expect(
      summary(
        model({ items: [item({ amount: 12.345 }), item({ amount: 1_000_000_000.01 }), item({ amount: Number.NaN })] }),
      ),
    ).toEqual([
      ["error", "value.tooManyDecimals", "items[0].amount"],
      ["error", "value.tooLarge", "items[1].amount"],
      ["error", "value.notANumber", "items[2].amount"],
    ]);
    expect(summary(model({ items: [item({ amount: null })] }))).toEqual([
      ["error", "item.amountMissing", "items[0].amount"],
    ]);
  });

  it("refuses negative key values, fractional counts and FTE shares with three decimals", () => {
    const bad: Town[] = [
      { ...towns[0]!, population: -1 },
      { ...towns[1]!, cases: 2.5 },
      { ...towns[2]!, fteShare: 0.375 },
    ];
    expect(summary(model({ towns: bad }))).toEqual([
      ["error", "value.negative", "towns[0].population"],
      ["error", "value.notInteger", "towns[1].cases"],
      ["error", "value.tooManyDecimals", "towns[2].fteShare"],
    ]);
  });

  it("reports a key whose values are all zero as an error for that item", () => {
    const zeroCases = towns.map((town) => ({ ...town, cases: 0 }));
    expect(summary(model({ towns: zeroCases, items: [item({ key: "cases" }), item({ key: "population" })] }))).toEqual([
      ["error", "key.allZero", "items[0].key"],
    ]);
    const issue = validateCostModel(model({ towns: zeroCases, items: [item({ key: "cases" })] }))[0];
    expect(issue?.message.de).toContain("alle Kommunen haben beim Schlüssel „Fallzahlen“ den Wert 0");
  });

  it("reports an all-zero key inside a mixed key at that part's weight", () => {
    const zeroWorkplaces = towns.map((town) => ({ ...town, workplaces: 0 }));
    const mixed = item({ key: "mixed", mixedWeights: { equal: 50, workplaces: 50 } });
    expect(summary(model({ towns: zeroWorkplaces, items: [mixed] }))).toEqual([
      ["error", "key.allZero", "items[0].mixedWeights.workplaces"],
    ]);
    // a part with weight 0 needs no values
    expect(
      summary(
        model({ towns: zeroWorkplaces, items: [item({ key: "mixed", mixedWeights: { equal: 100, workplaces: 0 } })] }),
      ),
    ).toEqual([]);
  });

  it("treats a missing key value as an error where a key needs it, once per town and field", () => {
    const noCases = [towns[0]!, { name: "Schönheide", population: 4600 }, towns[2]!];
    const issues = validateCostModel(
      model({ towns: noCases, items: [item({ key: "cases", name: "Standesamt" }), item({ key: "cases" })] }),
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([["key.valueMissing", "towns[1].cases"]]);
    expect(issues[0]?.message.de).toBe(
      "Kommune „Schönheide“, Fallzahlen: kein Wert eingetragen, er wird aber für „Standesamt“ und 1 weiteren Posten gebraucht. Bitte 0 eintragen, wenn die Kommune keine hat.",
    );
    // not needed by any key: no issue
    expect(validateCostModel(model({ towns: noCases }))).toEqual([]);
  });

  it("requires fixed percentages to sum to exactly 100 %, and hints at fractions", () => {
    const fixed = item({ key: "fixedPercent" });
    expect(validateCostModel(model({ items: [fixed] }))).toEqual([]);
    const thirds = towns.map((town, index) => ({ ...town, fixedPercent: index === 2 ? 33.34 : 33.33 }));
    expect(validateCostModel(model({ towns: thirds, items: [fixed] }))).toEqual([]);
    const short = towns.map((town, index) => ({ ...town, fixedPercent: index === 2 ? 29.99 : town.fixedPercent }));
    const [issue] = validateCostModel(model({ towns: short, items: [fixed] }));
    expect(issue).toMatchObject({ code: "fixedPercent.sumNot100", path: "towns[*].fixedPercent", received: "99.99" });
    expect(issue?.message.de).toBe("Die Festanteile der Kommunen ergeben zusammen 99,99 % statt 100 %.");
    const fractions = towns.map((town, index) => ({ ...town, fixedPercent: [0.4, 0.3, 0.3][index] }));
    expect(validateCostModel(model({ towns: fractions, items: [fixed] }))[0]?.message.de).toContain(
      "als Bruchteile eingetragen (0,3 statt 30)",
    );
    // unused fixed percentages need not sum to 100
    expect(validateCostModel(model({ towns: short }))).toEqual([]);
  });

  it("names the cell of a fraction among percent numbers („35 %“ typed stores 0.35): fixed shares and mixed weights", () => {
    const fixed = item({ key: "fixedPercent" });
    const typed = towns.map((town, index) => ({ ...town, fixedPercent: [30, 35, 0.35][index] }));
    expect(summary(model({ towns: typed, items: [fixed] }))).toEqual([
      ["error", "fixedPercent.sumNot100", "towns[*].fixedPercent"],
      ["error", "percent.fractionAmongPoints", "towns[2].fixedPercent"],
    ]);
    const [, fraction] = validateCostModel(model({ towns: typed, items: [fixed] }));
    expect(fraction?.message.de).toBe(
      "Kommune „Bockau“, Festanteil (%): 0,35 steht zwischen Prozentzahlen, deren Summe nicht 100 ergibt. So speichert die Tabelle „35 %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Gemeint ist wohl 35: bitte die Prozentzahl eingeben, so dass die Gruppe zusammen 100 ergibt.",
    );
    expect(fraction).toMatchObject({ expected: "35", received: "0.35" });
    // 0.5 among points that make 100 is 0.5 %: no finding
    const half = towns.map((town, index) => ({ ...town, fixedPercent: [40, 59.5, 0.5][index] }));
    expect(validateCostModel(model({ towns: half, items: [fixed] }))).toEqual([]);
    const mixed = item({ key: "mixed", mixedWeights: { equal: 30, population: 0.7 } });
    expect(summary(model({ items: [mixed] }))).toEqual([
      ["error", "mixed.sumNot100", "items[0].mixedWeights"],
      ["error", "percent.fractionAmongPoints", "items[0].mixedWeights.population"],
    ]);
  });

  it("refuses an overhead percentage between 0 and 1 in a model typed into a workbook („5 %“ stores 0.05)", () => {
    const overhead = { percent: 0.05, key: "population" } as const;
    expect(validateCostModel(model({ overhead }))).toEqual([]);
    const [issue, ...rest] = validateCostModel(model({ overhead }), { typedInSheet: true });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "overhead.percentFraction", path: "overhead.percent", received: "0.05" });
    expect(issue?.message.en).toContain("0.05 is ambiguous – 0.05 % or 5 %?");
    for (const percent of [0, 1, 5, 100])
      expect(validateCostModel(model({ overhead: { ...overhead, percent } }), { typedInSheet: true })).toEqual([]);
  });

  it("requires mixed weights that exist, are percentages, and sum to 100 %", () => {
    expect(summary(model({ items: [item({ key: "mixed" })] }))).toEqual([
      ["error", "mixed.weightsMissing", "items[0].mixedWeights"],
    ]);
    expect(summary(model({ items: [item({ key: "mixed", mixedWeights: { equal: 30, population: 60 } })] }))).toEqual([
      ["error", "mixed.sumNot100", "items[0].mixedWeights"],
    ]);
    expect(
      summary(model({ items: [item({ key: "mixed", mixedWeights: { equal: 30.005, population: 69.995 } })] })),
    ).toEqual([
      ["error", "value.tooManyDecimals", "items[0].mixedWeights.equal"],
      ["error", "value.tooManyDecimals", "items[0].mixedWeights.population"],
    ]);
    const withFixed = { equal: 50, fixedPercent: 50 } as unknown as CostItem["mixedWeights"];
    expect(summary(model({ items: [item({ key: "mixed", mixedWeights: withFixed })] }))).toEqual([
      ["error", "mixed.unknownPart", "items[0].mixedWeights.fixedPercent"],
    ]);
    expect(summary(model({ items: [item({ key: "population", mixedWeights: { equal: 100 } })] }))).toEqual([
      ["warning", "mixed.weightsIgnored", "items[0].mixedWeights"],
    ]);
  });

  it("refuses duplicate town names, ignoring case, surrounding spaces and Unicode composition", () => {
    const twice = [...towns, { ...towns[2]!, name: "  bockau " }, { ...towns[1]!, name: "Scho\u0308nheide" }];
    const issues = validateCostModel(model({ towns: twice }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["town.duplicateName", "towns[3].name"],
      ["town.duplicateName", "towns[4].name"],
    ]);
    expect(issues[0]?.message.de).toBe(
      "Die Kommune „bockau“ ist doppelt eingetragen (Nr. 3 und Nr. 4). Groß-/Kleinschreibung und Leerzeichen am Rand zählen dabei nicht.",
    );
    expect(normalizeTownName("  Bad   Schlema ")).toBe("bad schlema");
  });

  it("needs at least one town, each with a name", () => {
    expect(summary({ towns: [], items: [] })).toEqual([["error", "towns.empty", "towns"]]);
    expect(summary(model({ towns: [...towns, { name: " ", population: 1 }] }))).toEqual([
      ["error", "town.nameMissing", "towns[3].name"],
    ]);
  });

  it("checks keys, flat fees and the overhead", () => {
    expect(summary(model({ items: [item({ key: "einwohner" as never })] }))).toEqual([
      ["error", "key.unknown", "items[0].key"],
    ]);
    expect(summary(model({ items: [{ name: "Fälle", key: "flatFeePerCase" }] }))).toEqual([
      ["error", "item.feeMissing", "items[0].flatFeePerCase"],
    ]);
    expect(
      summary(model({ items: [{ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 12.5, amount: 100 }] })),
    ).toEqual([["warning", "item.amountIgnored", "items[0].amount"]]);
    const noCases = towns.map((town) => ({ ...town, cases: 0 }));
    expect(
      summary(model({ towns: noCases, items: [{ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 12.5 }] })),
    ).toEqual([["warning", "item.noCases", "items[0].flatFeePerCase"]]);
    expect(summary(model({ overhead: { percent: 5, key: "flatFeePerCase" } }))).toEqual([
      ["error", "overhead.keyNotAllowed", "overhead.key"],
    ]);
    expect(summary(model({ overhead: { percent: 150, key: "equal" } }))).toEqual([
      ["error", "value.aboveHundred", "overhead.percent"],
    ]);
    expect(summary(model({ overhead: { percent: 5, key: "mixed", mixedWeights: { equal: 100 } } }))).toEqual([]);
  });

  it("warns about more than one host town and a missing item description", () => {
    const hosts = towns.map((town) => ({ ...town, isHost: true }));
    expect(summary(model({ towns: hosts, items: [item({ name: "" })] }))).toEqual([
      ["warning", "town.multipleHosts", "towns[*].isHost"],
      ["warning", "item.nameMissing", "items[0].name"],
    ]);
  });

  it("checks actual values for the true-up and marks their issues with scenario 'actual'", () => {
    const withActual = towns.map((town, index) => ({ ...town, actual: { cases: index === 0 ? -1 : 0 } }));
    const issues = validateCostModel(model({ towns: withActual, items: [item({ key: "cases" })] }));
    expect(issues.map((issue) => [issue.code, issue.path, issue.scenario])).toEqual([
      ["value.negative", "towns[0].actual.cases", "actual"],
    ]);
    const allZero = towns.map((town) => ({ ...town, actual: { cases: 0 } }));
    const [zero] = validateCostModel(model({ towns: allZero, items: [item({ key: "cases" })] }));
    expect([zero?.code, zero?.path, zero?.scenario]).toEqual(["key.allZero", "items[0].key", "actual"]);
    expect(zero?.message.de).toContain("(mit den Ist-Werten)");
  });

  it("warns when actual values are given for some towns only", () => {
    const partly = towns.map((town, index) => (index === 0 ? { ...town, actual: { cases: 12 } } : town));
    const issues = validateCostModel(model({ towns: partly, items: [item({ key: "cases" })] }));
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ["warning", "actual.incomplete", "towns[*].actual.cases"],
    ]);
    expect(issues[0]?.message.de).toBe(
      "Fallzahlen: Ist-Werte sind nur für einen Teil der Kommunen eingetragen; für Schönheide, Bockau gilt der Planwert.",
    );
  });

  it("enforces the limits: the library's own (errors) and the sheet's exact range (warning)", () => {
    const fee: CostItem = { name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 1000 };
    const manyCases = towns.map((town) => ({ ...town, cases: 200_000_000 }));
    expect(summary(model({ towns: manyCases, items: [fee] }))).toEqual([
      ["error", "limit.itemTooLarge", "items[0].flatFeePerCase"],
    ]);
    expect(summary(model({ towns: towns.map((town) => ({ ...town, population: 1e13 })) }))).toEqual([
      ["error", "value.tooLarge", "towns[0].population"],
      ["error", "value.tooLarge", "towns[1].population"],
      ["error", "value.tooLarge", "towns[2].population"],
    ]);
    const huge = Array.from({ length: 10_001 }, () => item({ amount: 1_000_000_000, key: "equal" }));
    expect(summary(model({ items: huge })).filter(([severity]) => severity === "error")).toEqual([
      ["error", "limit.totalTooLarge", "items"],
    ]);
    // A·W: 8 000 000 € = 8·10⁸ cents × 11 900 inhabitants = 9.52·10¹² — fine; 100 000 000 € → 1.19·10¹⁴
    expect(validateCostModel(model({ items: [item({ amount: 8_000_000 })] }))).toEqual([]);
    const [precision] = validateCostModel(model({ items: [item({ amount: 100_000_000 })] }));
    expect(precision).toMatchObject({
      severity: "warning",
      code: "limit.sheetPrecision",
      path: "items[0].amount",
      received: "119000000000000",
    });
    // the overhead's S·p counts too: S = 10¹⁰ cents, p = 10 000 (100 %) → 10¹⁴ exactly is still fine
    expect(
      summary({
        towns: [{ name: "A" }],
        items: [{ name: "x", key: "equal", amount: 100_000_000 }],
        overhead: { percent: 100, key: "equal" },
      }),
    ).toEqual([]);
    expect(
      summary({
        towns: [{ name: "A" }],
        items: [{ name: "x", key: "equal", amount: 100_000_000.01 }],
        overhead: { percent: 100, key: "equal" },
      }),
    ).toEqual([["warning", "limit.sheetPrecision", "overhead.percent"]]);
  });
});
