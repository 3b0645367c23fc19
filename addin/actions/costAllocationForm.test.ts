import { describe, expect, it } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { CostModel } from "../../lib/allocation/model.js";
import { DEMO_COST_MODEL, DEMO_SETTINGS } from "../../templates/kostenverteilung/plan.js";
import {
  checkCostForm,
  costFormFromModel,
  emptyItemForm,
  emptyTownForm,
  EMPTY_COST_FORM,
  inputPathOf,
  isEmptyCostForm,
  locateIssue,
  advanceDueDates,
  NO_SETTINGS,
  parseDateInput,
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
    expect(isEmptyCostForm({ ...EMPTY_COST_FORM, settings: { ...NO_SETTINGS, year: "2027" } })).toBe(false);
    expect(isEmptyCostForm({ ...EMPTY_COST_FORM, settings: { ...NO_SETTINGS, dueDates: ["", "1.6.2027"] } })).toBe(
      false,
    );
  });
});

describe("parseDateInput", () => {
  it.each([
    ["31.12.2025", { kind: "date", iso: "2025-12-31" }],
    ["1.7.2026", { kind: "date", iso: "2026-07-01" }],
    [" 31/12/2025 ", { kind: "date", iso: "2025-12-31" }],
    ["2025-12-31", { kind: "date", iso: "2025-12-31" }],
    ["", { kind: "blank" }],
    ["31.02.2026", { kind: "notADate" }],
    ["12/31/2025", { kind: "notADate" }],
    ["31.12.25", { kind: "notADate" }],
    ["morgen", { kind: "notADate" }],
  ] as const)("reads %j", (input, expected) => {
    expect(parseDateInput(input)).toEqual(expected);
  });
});

describe("every field of the workbook: unit, year, Stichtag, actual values", () => {
  it("shows the demo with its unit, year, Stichtage and actual values, and reads them back", () => {
    for (const language of ["de", "en"] as const) {
      const form = costFormFromModel(DEMO_COST_MODEL, language, DEMO_SETTINGS);
      const stichtag = DEMO_SETTINGS.populationDate?.toISOString().slice(0, 10) ?? "";
      const [year, month, day] = stichtag.split("-");
      expect(form.settings.unitName).toBe(DEMO_SETTINGS.unitName);
      expect(form.settings.year).toBe("2027");
      expect(form.towns[0]?.populationDate).toBe([day, month, year].join(language === "de" ? "." : "/"));
      expect(form.towns[0]?.actual.population).toBe("5262");
      const { model, settings, issues } = readCostForm(form);
      expect(issues, language).toEqual([]);
      expect(settings).toEqual({
        unitName: DEMO_SETTINGS.unitName,
        year: 2027,
        ...(DEMO_SETTINGS.calculationDate ? { calculationDate: DEMO_SETTINGS.calculationDate } : {}),
      });
      expect(model.towns.map((town) => town.populationDate)).toEqual(DEMO_COST_MODEL.towns.map(() => stichtag));
      expect(model.towns.map((town) => town.actual)).toEqual(
        DEMO_COST_MODEL.towns.map((town) => ({ workplaces: null, fteShare: null, ...town.actual })),
      );
      expect(model.items.map((item) => item.actualAmount)).toEqual(DEMO_COST_MODEL.items.map((i) => i.actualAmount));
      expect(model.overhead?.name).toBe(DEMO_COST_MODEL.overhead?.name);
    }
  });

  it("computes the true-up from the form's actual values exactly as from the workbook's model", () => {
    const { model } = checkCostForm(costFormFromModel(DEMO_COST_MODEL, "de", DEMO_SETTINGS));
    const fromForm = allocateCosts(model);
    expect(fromForm.trueUp).toBeDefined();
    expect(fromForm.trueUp).toEqual(allocateCosts(DEMO_COST_MODEL).trueUp);
    expect(fromForm.actual).toEqual(allocateCosts(DEMO_COST_MODEL).actual);
  });

  it("reports a date or a year that is none, at its field", () => {
    const form = costFormFromModel(MODEL, "de");
    const check = checkCostForm({
      ...form,
      settings: { ...NO_SETTINGS, unitName: " Vergabestelle ", year: "2.027", dueDates: ["", "", "", "31.11.2027"] },
      towns: form.towns.map((town, index) => (index === 1 ? { ...town, populationDate: "31.02.2026" } : town)),
    });
    expect(check.settings).toEqual({ unitName: "Vergabestelle" });
    expect(check.issues.map((i) => [i.path, i.message])).toEqual([
      ["towns[1].populationDate", "„31.02.2026“ ist kein Datum. Erwartet TT.MM.JJJJ, z. B. 31.12.2025."],
      ["settings.year", "„2.027“ ist kein Haushaltsjahr. Erwartet eine Jahreszahl von 2000 bis 2100, z. B. 2027."],
      ["settings.dueDates.3", "„31.11.2027“ ist kein Datum. Erwartet TT.MM.JJJJ, z. B. 31.12.2025."],
    ]);
    expect(checkCostForm({ ...form, settings: { ...NO_SETTINGS, year: "1999" } }).errorCount).toBe(1);
    expect(checkCostForm({ ...form, settings: { ...NO_SETTINGS, year: "2100" } }).settings).toEqual({ year: 2100 });
  });

  it("reads the due dates of the advances; the annex's default day of the year stands in for a blank one", () => {
    const form = costFormFromModel(MODEL, "de");
    const { settings, issues } = readCostForm({
      ...form,
      settings: { ...NO_SETTINGS, year: "2027", calculationDate: "30.9.2026", dueDates: ["", "1.6.2027", "", ""] },
    });
    expect(issues).toEqual([]);
    expect(settings.calculationDate).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(settings.dueDates).toEqual([undefined, new Date(Date.UTC(2027, 5, 1)), undefined, undefined]);
    expect(advanceDueDates(settings).map((date) => date?.toISOString().slice(0, 10))).toEqual([
      "2027-02-15",
      "2027-06-01",
      "2027-08-15",
      "2027-11-15",
    ]);
    expect(advanceDueDates({})).toEqual([undefined, undefined, undefined, undefined]);
    // and back into the form, in the pane's notation
    expect(costFormFromModel(MODEL, "en", settings).settings.dueDates).toEqual(["", "01/06/2027", "", ""]);
  });

  it("reports an actual value that is no number at its own field, not the plan's", () => {
    const form = costFormFromModel(MODEL, "de");
    const check = checkCostForm({
      ...form,
      towns: form.towns.map((town, index) =>
        index === 0 ? { ...town, actual: { ...town.actual, cases: "viele" } } : town,
      ),
    });
    expect(check.issues.map((i) => i.path)).toEqual(["towns[0].actual.cases"]);
    expect(inputPathOf(locateIssue("towns[0].actual.cases"), form)).toBe("towns[0].actual.cases");
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
        code: "costModel.typed.notANumber",
        message: "„zwölf“ ist keine Zahl. Erwartet z. B. 12.345,67 oder 12345,67.",
        file: "",
        path: "items[0].amount",
        expected: "Zahl, z. B. 12.345,67 oder 12345,67",
        received: "„zwölf“ (Text)",
      },
    ]);
    expect(check.errorCount).toBe(1);
    expect(checkCostForm(withAmount("zwölf"), "en").issues).toMatchObject([
      {
        message: "“zwölf” is not a number. Expected e.g. 12,345.67 or 12345.67.",
        expected: "number, e.g. 12,345.67 or 12345.67",
        received: "“zwölf” (text)",
      },
    ]);
  });

  it("refuses an ambiguous amount instead of guessing", () => {
    const check = checkCostForm(withAmount("1.500"));
    expect(check.issues.map((i) => [i.path, i.message])).toEqual([
      ["items[0].amount", expect.stringContaining("mehrdeutig")],
    ]);
  });

  it("passes the library's findings on: a negative amount, a blank one, weights not summing to 100 %", () => {
    expect(checkCostForm(withAmount("-5")).issues.map((i) => [i.path, i.message])).toEqual([
      ["items[0].amount", expect.stringContaining("nicht negativ")],
    ]);
    expect(checkCostForm(withAmount("")).issues.map((i) => [i.path, i.message])).toEqual([
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
    const check = checkCostForm({ ...form, overhead: { ...form.overhead, percent: "" } }, "en");
    expect(check.issues.map((i) => [i.path, i.message])).toEqual([
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
    ["towns[1].actual.cases", { kind: "town", index: 1, field: "cases", actual: true }, "towns[1].actual.cases"],
    ["towns[0].populationDate", { kind: "town", index: 0, field: "populationDate" }, "towns[0].populationDate"],
    [
      "towns[*].actual.population",
      { kind: "allTowns", field: "population", actual: true },
      "towns[0].actual.population",
    ],
    ["items[0].actualAmount", { kind: "item", index: 0, field: "actualAmount" }, "items[0].actualAmount"],
    ["items[2].actualAmount", { kind: "item", index: 2, field: "actualAmount" }, "items[2].flatFeePerCase"],
    ["settings.year", { kind: "settings", field: "year" }, "settings.year"],
    ["settings.unitName", { kind: "settings", field: "unitName" }, "settings.unitName"],
    ["settings.dueDates.2", { kind: "settings", field: "dueDates", index: 2 }, "settings.dueDates.2"],
    ["settings.calculationDate", { kind: "settings", field: "calculationDate" }, "settings.calculationDate"],
    ["overhead.name", { kind: "overhead", field: "name" }, "overhead.name"],
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
