import { describe, expect, it } from "vitest";
import type { CostModel } from "../../lib/allocation/model.js";
import {
  checkCostForm,
  costFormFromModel,
  emptyItemForm,
  emptyTownForm,
  EMPTY_COST_FORM,
  inputPathOf,
  isEmptyCostForm,
  locateIssue,
  parseNumberInput,
  readCostForm,
  type CostForm,
  type ParsedInput,
} from "./costAllocationForm.js";

const number = (value: number): ParsedInput => ({ kind: "number", value });

const MODEL: CostModel = {
  towns: [
    { name: "Zschorlau", population: 5300, cases: 420, fteShare: 1.5, fixedPercent: 60, isHost: true },
    { name: "Bockau", population: 2000, cases: 150, fteShare: 0.5, fixedPercent: 40 },
  ],
  items: [
    { name: "Personal", key: "population", amount: 12_345.67 },
    { name: "Gemischt", key: "mixed", amount: 1000, mixedWeights: { equal: 30, population: 70 } },
    { name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 45.5 },
  ],
  overhead: { percent: 5, key: "fixedPercent" },
};

describe("parseNumberInput", () => {
  it.each([
    ["12.345,67", {}, number(12345.67)],
    ["12345,67", {}, number(12345.67)],
    ["12345.67", {}, number(12345.67)],
    ["12,345.67", {}, number(12345.67)],
    ["1.234.567", {}, number(1234567)],
    ["12 345,67", {}, number(12345.67)],
    ["12\u00A0345,67 €", { euro: true }, number(12345.67)],
    ["€ 4.800,00", { euro: true }, number(4800)],
    ["0,5", {}, number(0.5)],
    [",5", {}, number(0.5)],
    ["0.500", {}, number(0.5)],
    ["12.3456", {}, number(12.3456)],
    ["-5", {}, number(-5)],
    ["\u22125", {}, number(-5)],
    ["30", { percent: true }, number(30)],
    ["30 %", { percent: true }, number(30)],
    ["30,5%", { percent: true }, number(30.5)],
    ["5.300", { wholeNumber: true }, number(5300)],
    ["5,300", { wholeNumber: true }, number(5300)],
    ["", {}, { kind: "blank" }],
    ["   ", {}, { kind: "blank" }],
    ["1.500", {}, { kind: "ambiguous" }],
    ["1,500", {}, { kind: "ambiguous" }],
    ["abc", {}, { kind: "notANumber" }],
    ["12,3,4", {}, { kind: "notANumber" }],
    ["1.23,4", {}, { kind: "notANumber" }],
    ["5.", {}, { kind: "notANumber" }],
    ["30 %", {}, { kind: "notANumber" }],
    ["12 €", {}, { kind: "notANumber" }],
  ] as const)("reads %j (%j)", (input, options, expected) => {
    expect(parseNumberInput(input, options)).toEqual(expected);
  });
});

describe("the form and the model", () => {
  it("shows a model as typed numbers and reads it back unchanged", () => {
    for (const language of ["de", "en"] as const) {
      const form = costFormFromModel(MODEL, language);
      const { model, issues } = readCostForm(form);
      expect(issues, language).toEqual([]);
      expect(model.towns).toEqual(MODEL.towns.map((town) => ({ workplaces: null, ...town })));
      expect(model.items).toEqual(MODEL.items);
      expect(model.overhead).toEqual(MODEL.overhead);
    }
  });

  it("writes amounts in the pane's notation", () => {
    expect(costFormFromModel(MODEL, "de").items[0]?.amount).toBe("12.345,67");
    expect(costFormFromModel(MODEL, "en").items[0]?.amount).toBe("12,345.67");
    expect(costFormFromModel(MODEL, "de").towns[0]?.fteShare).toBe("1,5");
  });

  it("passes only what the chosen key uses: no hidden weights, no amount beside a fee", () => {
    const form = costFormFromModel(MODEL, "de");
    const changed: CostForm = {
      ...form,
      items: form.items.map((item, index) =>
        index === 1 ? { ...item, key: "equal" } : index === 2 ? { ...item, amount: "99" } : item,
      ),
    };
    const { model } = readCostForm(changed);
    expect(model.items[1]).toEqual({ name: "Gemischt", key: "equal", amount: 1000 });
    expect(model.items[2]).toEqual({ name: "Fälle", key: "flatFeePerCase", flatFeePerCase: 45.5 });
    expect(checkCostForm(changed).issues).toEqual([]);
  });

  it("knows an empty form", () => {
    expect(isEmptyCostForm(EMPTY_COST_FORM)).toBe(true);
    expect(isEmptyCostForm({ ...EMPTY_COST_FORM, towns: [emptyTownForm()] })).toBe(false);
  });
});

describe("checkCostForm", () => {
  const withAmount = (amount: string): CostForm => {
    const form = costFormFromModel(MODEL, "de");
    return { ...form, items: form.items.map((item, index) => (index === 0 ? { ...item, amount } : item)) };
  };

  it("reports text that is no number once, at its field, in German and English", () => {
    const check = checkCostForm(withAmount("zwölf"));
    expect(check.issues).toEqual([
      {
        severity: "error",
        path: "items[0].amount",
        message: {
          de: "„zwölf“ ist keine Zahl. Erwartet z. B. 12.345,67 oder 12345,67.",
          en: "“zwölf” is not a number. Expected e.g. 12,345.67 or 12345.67.",
        },
      },
    ]);
    expect(check.errorCount).toBe(1);
  });

  it("refuses an ambiguous amount instead of guessing", () => {
    const check = checkCostForm(withAmount("1.500"));
    expect(check.issues.map((i) => [i.path, i.message.de])).toEqual([
      ["items[0].amount", expect.stringContaining("mehrdeutig")],
    ]);
  });

  it("passes the library's findings on: a negative amount, a blank one, weights not summing to 100 %", () => {
    expect(checkCostForm(withAmount("-5")).issues.map((i) => [i.path, i.message.de])).toEqual([
      ["items[0].amount", expect.stringContaining("nicht negativ")],
    ]);
    expect(checkCostForm(withAmount("")).issues.map((i) => [i.path, i.message.de])).toEqual([
      ["items[0].amount", "Posten „Personal“: der Jahresbetrag fehlt."],
    ]);
    const form = costFormFromModel(MODEL, "de");
    const weights = {
      ...form,
      items: form.items.map((item, index) =>
        index === 1 ? { ...item, weights: { ...item.weights, population: "60" } } : item,
      ),
    };
    expect(checkCostForm(weights).issues.map((i) => i.path)).toEqual(["items[1].mixedWeights"]);
  });

  it("asks for the overhead's percentage when the overhead is switched on", () => {
    const form = costFormFromModel(MODEL, "de");
    const check = checkCostForm({ ...form, overhead: { ...form.overhead, percent: "" } });
    expect(check.issues.map((i) => [i.path, i.message.en])).toEqual([
      ["overhead.percent", "Administrative overhead: no percentage entered."],
    ]);
  });

  it("names a missing key value of a new town", () => {
    const form = costFormFromModel(MODEL, "de");
    const check = checkCostForm({
      ...form,
      towns: [...form.towns, { ...emptyTownForm(), name: "Eibenstock" }],
      items: [...form.items, emptyItemForm()],
    });
    // the keys in use: population, cases (flat fee), fixed percent (overhead); FTE shares are not used
    expect(check.issues.map((i) => i.path)).toEqual([
      "items[3].name",
      "items[3].amount",
      "towns[2].population",
      "towns[2].cases",
      "towns[2].fixedPercent",
    ]);
  });
});

describe("where a finding points", () => {
  const form = costFormFromModel(MODEL, "de");
  it.each([
    ["items[1].amount", { kind: "item", index: 1, field: "amount" }, "items[1].amount"],
    ["items[2].amount", { kind: "item", index: 2, field: "amount" }, "items[2].flatFeePerCase"],
    ["items[1].mixedWeights", { kind: "item", index: 1, field: "mixedWeights" }, "items[1].mixedWeights.equal"],
    [
      "items[1].mixedWeights.cases",
      { kind: "item", index: 1, field: "mixedWeights", part: "cases" },
      "items[1].mixedWeights.cases",
    ],
    ["towns[0].population", { kind: "town", index: 0, field: "population" }, "towns[0].population"],
    ["towns[1].actual.cases", { kind: "town", index: 1, field: undefined }, "towns[1].name"],
    ["towns[*].fixedPercent", { kind: "allTowns", field: "fixedPercent" }, "towns[0].fixedPercent"],
    ["towns[*].isHost", { kind: "allTowns", field: "isHost" }, "towns[0].isHost"],
    ["towns", { kind: "towns" }, undefined],
    ["items", { kind: "items" }, undefined],
    ["overhead.percent", { kind: "overhead", field: "percent" }, "overhead.percent"],
    ["overhead.key", { kind: "overhead", field: "key" }, "overhead.key"],
    [
      "overhead.mixedWeights.population",
      { kind: "overhead", field: "mixedWeights", part: "population" },
      "overhead.mixedWeights.population",
    ],
  ] as const)("%s", (path, location, input) => {
    expect(locateIssue(path)).toEqual(location);
    expect(inputPathOf(locateIssue(path), form)).toBe(input);
  });
});
