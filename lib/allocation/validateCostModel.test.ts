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

  it("reports each issue as data: code, path, expected, received and message in the chosen language", () => {
    const [issue] = validateCostModel(model({ items: [item({ amount: -5 })] }));
    expect(issue).toEqual({
      severity: "error",
      code: "costModel.value.negative",
      message: "Posten „Personal“, Jahresbetrag: der Wert darf nicht negativ sein (gefunden: -5).",
      file: "",
      path: "items[0].amount",
      expected: "Zahl ab 0",
      received: "-5 (Zahl)",
    });
    const [english] = validateCostModel(model({ items: [item({ amount: -5.5 })] }), { language: "en" });
    expect(english).toMatchObject({
      message: "Item “Personal”, annual amount: the value must not be negative (found: -5.5).",
      expected: "number from 0",
      received: "-5.5 (number)",
    });
    const [german] = validateCostModel(model({ items: [item({ amount: -5.5 })] }));
    expect(german).toMatchObject({ expected: "Zahl ab 0", received: "-5,5 (Zahl)" });
  });

  it("refuses amounts with more than two decimals, above the limit, or not a number", () => {
    expect(
      summary(
        model({ items: [item({ amount: 12.345 }), item({ amount: 1_000_000_000.01 }), item({ amount: Number.NaN })] }),
      ),
    ).toEqual([
      ["error", "costModel.value.tooManyDecimals", "items[0].amount"],
      ["error", "costModel.value.tooLarge", "items[1].amount"],
      ["error", "costModel.value.notANumber", "items[2].amount"],
    ]);
    expect(summary(model({ items: [item({ amount: null })] }))).toEqual([
      ["error", "costModel.item.amountMissing", "items[0].amount"],
    ]);
  });

  it("refuses negative key values, fractional counts and FTE shares with three decimals", () => {
    const bad: Town[] = [
      { ...towns[0]!, population: -1 },
      { ...towns[1]!, cases: 2.5 },
      { ...towns[2]!, fteShare: 0.375 },
    ];
    expect(summary(model({ towns: bad }))).toEqual([
      ["error", "costModel.value.negative", "towns[0].population"],
      ["error", "costModel.value.notInteger", "towns[1].cases"],
      ["error", "costModel.value.tooManyDecimals", "towns[2].fteShare"],
    ]);
  });

  it("reports a key whose values are all zero as an error for that item", () => {
    const zeroCases = towns.map((town) => ({ ...town, cases: 0 }));
    expect(summary(model({ towns: zeroCases, items: [item({ key: "cases" }), item({ key: "population" })] }))).toEqual([
      ["error", "costModel.key.allZero", "items[0].key"],
    ]);
    const issue = validateCostModel(model({ towns: zeroCases, items: [item({ key: "cases" })] }))[0];
    expect(issue?.message).toContain("alle Kommunen haben beim Schlüssel „Fallzahlen“ den Wert 0");
  });

  it("reports an all-zero key inside a mixed key at that part's weight", () => {
    const zeroWorkplaces = towns.map((town) => ({ ...town, workplaces: 0 }));
    const mixed = item({ key: "mixed", mixedWeights: { equal: 50, workplaces: 50 } });
    expect(summary(model({ towns: zeroWorkplaces, items: [mixed] }))).toEqual([
      ["error", "costModel.key.allZero", "items[0].mixedWeights.workplaces"],
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
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([["costModel.key.valueMissing", "towns[1].cases"]]);
    expect(issues[0]?.message).toBe(
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
    expect(issue).toMatchObject({
      code: "costModel.fixedPercent.sumNot100",
      path: "towns[*].fixedPercent",
      expected: "Summe 100 %",
      received: "99,99 %",
    });
    expect(issue?.message).toBe("Die Festanteile der Kommunen ergeben zusammen 99,99 % statt 100 %.");
    const fractions = towns.map((town, index) => ({ ...town, fixedPercent: [0.4, 0.3, 0.3][index] }));
    expect(validateCostModel(model({ towns: fractions, items: [fixed] }))[0]?.message).toContain(
      "als Bruchteile eingetragen (0,3 statt 30)",
    );
    // unused fixed percentages need not sum to 100
    expect(validateCostModel(model({ towns: short }))).toEqual([]);
  });

  it("names the cell of a fraction among percent numbers („35 %“ typed stores 0.35): fixed shares and mixed weights", () => {
    const fixed = item({ key: "fixedPercent" });
    const typed = towns.map((town, index) => ({ ...town, fixedPercent: [30, 35, 0.35][index] }));
    expect(summary(model({ towns: typed, items: [fixed] }))).toEqual([
      ["error", "costModel.fixedPercent.sumNot100", "towns[*].fixedPercent"],
      ["error", "costModel.percent.fractionAmongPoints", "towns[2].fixedPercent"],
    ]);
    const [, fraction] = validateCostModel(model({ towns: typed, items: [fixed] }));
    expect(fraction?.message).toBe(
      "Kommune „Bockau“, Festanteil (%): 0,35 steht zwischen Prozentzahlen, deren Summe nicht 100 ergibt. So speichert die Tabelle „35 %“, wenn es in eine Prozent-formatierte Zelle getippt wird. Gemeint ist wohl 35: bitte die Prozentzahl eingeben, so dass die Gruppe zusammen 100 ergibt.",
    );
    expect(fraction).toMatchObject({ expected: "Prozentzahl, z. B. 35", received: "0,35" });
    // 0.5 among points that make 100 is 0.5 %: no finding
    const half = towns.map((town, index) => ({ ...town, fixedPercent: [40, 59.5, 0.5][index] }));
    expect(validateCostModel(model({ towns: half, items: [fixed] }))).toEqual([]);
    const mixed = item({ key: "mixed", mixedWeights: { equal: 30, population: 0.7 } });
    expect(summary(model({ items: [mixed] }))).toEqual([
      ["error", "costModel.mixed.sumNot100", "items[0].mixedWeights"],
      ["error", "costModel.percent.fractionAmongPoints", "items[0].mixedWeights.population"],
    ]);
  });

  it("refuses an overhead percentage between 0 and 1 in a model typed into a workbook („5 %“ stores 0.05)", () => {
    const overhead = { percent: 0.05, key: "population" } as const;
    expect(validateCostModel(model({ overhead }))).toEqual([]);
    const [issue, ...rest] = validateCostModel(model({ overhead }), { typedInSheet: true, language: "en" });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: "costModel.overhead.percentFraction",
      path: "overhead.percent",
      expected: "a percent number from 1, e.g. 5",
      received: "0.05",
    });
    expect(issue?.message).toContain("0.05 is ambiguous – 0.05 % or 5 %?");
    for (const percent of [0, 1, 5, 100])
      expect(validateCostModel(model({ overhead: { ...overhead, percent } }), { typedInSheet: true })).toEqual([]);
  });

  it("requires mixed weights that exist, are percentages, and sum to 100 %", () => {
    expect(summary(model({ items: [item({ key: "mixed" })] }))).toEqual([
      ["error", "costModel.mixed.weightsMissing", "items[0].mixedWeights"],
    ]);
    expect(summary(model({ items: [item({ key: "mixed", mixedWeights: { equal: 30, population: 60 } })] }))).toEqual([
      ["error", "costModel.mixed.sumNot100", "items[0].mixedWeights"],
    ]);
    expect(
      summary(model({ items: [item({ key: "mixed", mixedWeights: { equal: 30.005, population: 69.995 } })] })),
    ).toEqual([
      ["error", "costModel.value.tooManyDecimals", "items[0].mixedWeights.equal"],
      ["error", "costModel.value.tooManyDecimals", "items[0].mixedWeights.population"],
    ]);
    const withFixed = { equal: 50, fixedPercent: 50 } as unknown as CostItem["mixedWeights"];
    expect(summary(model({ items: [item({ key: "mixed", mixedWeights: withFixed })] }))).toEqual([
      ["error", "costModel.mixed.unknownPart", "items[0].mixedWeights.fixedPercent"],
    ]);
    expect(summary(model({ items: [item({ key: "population", mixedWeights: { equal: 100 } })] }))).toEqual([
      ["warning", "costModel.mixed.weightsIgnored", "items[0].mixedWeights"],
    ]);
  });

  it("refuses duplicate town names, ignoring case, surrounding spaces and Unicode composition", () => {
    const twice = [...towns, { ...towns[2]!, name: "  bockau " }, { ...towns[1]!, name: "Scho\u0308nheide" }];
    const issues = validateCostModel(model({ towns: twice }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["costModel.town.duplicateName", "towns[3].name"],
      ["costModel.town.duplicateName", "towns[4].name"],
    ]);
    expect(issues[0]?.message).toBe(
      "Die Kommune „bockau“ ist doppelt eingetragen (Nr. 3 und Nr. 4). Groß-/Kleinschreibung und Leerzeichen am Rand zählen dabei nicht.",
    );
    expect(normalizeTownName("  Bad   Schlema ")).toBe("bad schlema");
  });

  it("needs at least one town, each with a name", () => {
    expect(summary({ towns: [], items: [] })).toEqual([["error", "costModel.towns.empty", "towns"]]);
    expect(summary(model({ towns: [...towns, { name: " ", population: 1 }] }))).toEqual([
      ["error", "costModel.town.nameMissing", "towns[3].name"],
    ]);
  });

  it("checks keys, flat fees and the overhead", () => {
    expect(summary(model({ items: [item({ key: "einwohner" as never })] }))).toEqual([
      ["error", "costModel.key.unknown", "items[0].key"],
    ]);
    expect(summary(model({ items: [{ name: "Fälle", key: "flatFeePerCase" }] }))).toEqual([
      ["error", "costModel.item.feeMissing", "items[0].flatFeePerCase"],
    ]);
    expect(
      summary(model({ items: [{ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 12.5, amount: 100 }] })),
    ).toEqual([["warning", "costModel.item.amountIgnored", "items[0].amount"]]);
    const noCases = towns.map((town) => ({ ...town, cases: 0 }));
    expect(
      summary(model({ towns: noCases, items: [{ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 12.5 }] })),
    ).toEqual([["warning", "costModel.item.noCases", "items[0].flatFeePerCase"]]);
    expect(summary(model({ overhead: { percent: 5, key: "flatFeePerCase" } }))).toEqual([
      ["error", "costModel.overhead.keyNotAllowed", "overhead.key"],
    ]);
    expect(summary(model({ overhead: { percent: 150, key: "equal" } }))).toEqual([
      ["error", "costModel.value.aboveHundred", "overhead.percent"],
    ]);
    expect(summary(model({ overhead: { percent: 5, key: "mixed", mixedWeights: { equal: 100 } } }))).toEqual([]);
  });

  it("warns about more than one host town and a missing item description", () => {
    const hosts = towns.map((town) => ({ ...town, isHost: true }));
    expect(summary(model({ towns: hosts, items: [item({ name: "" })] }))).toEqual([
      ["warning", "costModel.town.multipleHosts", "towns[*].isHost"],
      ["warning", "costModel.item.nameMissing", "items[0].name"],
    ]);
  });

  it("checks actual values for the true-up: their paths and sentences say so", () => {
    const withActual = towns.map((town, index) => ({ ...town, actual: { cases: index === 0 ? -1 : 0 } }));
    const issues = validateCostModel(model({ towns: withActual, items: [item({ key: "cases" })] }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["costModel.value.negative", "towns[0].actual.cases"],
    ]);
    expect(issues[0]?.message).toContain("Fallzahlen (Ist)");
    const allZero = towns.map((town) => ({ ...town, actual: { cases: 0 } }));
    const [zero] = validateCostModel(model({ towns: allZero, items: [item({ key: "cases" })] }));
    expect([zero?.code, zero?.path]).toEqual(["costModel.key.allZero", "items[0].key"]);
    expect(zero?.message).toContain("(mit den Ist-Werten)");
  });

  it("warns when actual values are given for some towns only", () => {
    const partly = towns.map((town, index) => (index === 0 ? { ...town, actual: { cases: 12 } } : town));
    const issues = validateCostModel(model({ towns: partly, items: [item({ key: "cases" })] }));
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ["warning", "costModel.actual.incomplete", "towns[*].actual.cases"],
    ]);
    expect(issues[0]?.message).toBe(
      "Fallzahlen: Ist-Werte sind nur für einen Teil der Kommunen eingetragen; für Schönheide, Bockau gilt der Planwert.",
    );
  });

  it("enforces the limits: the library's own (errors) and the sheet's exact range (warning)", () => {
    const fee: CostItem = { name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 1000 };
    const manyCases = towns.map((town) => ({ ...town, cases: 200_000_000 }));
    expect(summary(model({ towns: manyCases, items: [fee] }))).toEqual([
      ["error", "costModel.limit.itemTooLarge", "items[0].flatFeePerCase"],
    ]);
    expect(summary(model({ towns: towns.map((town) => ({ ...town, population: 1e13 })) }))).toEqual([
      ["error", "costModel.value.tooLarge", "towns[0].population"],
      ["error", "costModel.value.tooLarge", "towns[1].population"],
      ["error", "costModel.value.tooLarge", "towns[2].population"],
    ]);
    const huge = Array.from({ length: 10_001 }, () => item({ amount: 1_000_000_000, key: "equal" }));
    expect(summary(model({ items: huge })).filter(([severity]) => severity === "error")).toEqual([
      ["error", "costModel.limit.totalTooLarge", "items"],
    ]);
    // A·W: 8 000 000 € = 8·10⁸ cents × 11 900 inhabitants = 9.52·10¹² — fine; 100 000 000 € → 1.19·10¹⁴
    expect(validateCostModel(model({ items: [item({ amount: 8_000_000 })] }))).toEqual([]);
    const [precision] = validateCostModel(model({ items: [item({ amount: 100_000_000 })] }));
    expect(precision).toMatchObject({
      severity: "warning",
      code: "costModel.limit.sheetPrecision",
      path: "items[0].amount",
      expected: "Betrag × Schlüsselsumme höchstens 10¹⁴",
      received: "119.000.000.000.000",
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
    ).toEqual([["warning", "costModel.limit.sheetPrecision", "overhead.percent"]]);
  });
});
