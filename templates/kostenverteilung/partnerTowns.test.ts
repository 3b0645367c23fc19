import { describe, expect, it } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import { KEY_VALUE_FIELDS } from "../../lib/allocation/model.js";
import { validateCostModel } from "../../lib/allocation/validateCostModel.js";
import { parseTownList } from "../common/townList.js";
import { costModelForTowns } from "./partnerTowns.js";
import { DEMO_COST_MODEL } from "./plan.js";

const namesOf = (count: number): string[] => Array.from({ length: count }, (_, i) => `Gemeinde ${i + 1}`);

describe("parseTownList", () => {
  it("splits at commas and semicolons, trims, and ignores empty entries", () => {
    expect(parseTownList(" Zschorlau ,Schönheide;Stützengrün ;; Bockau, ")).toEqual({
      ok: true,
      names: ["Zschorlau", "Schönheide", "Stützengrün", "Bockau"],
    });
    expect(parseTownList("Aue")).toEqual({ ok: true, names: ["Aue"] });
  });

  it("keeps names that start with = + - @ as they are (they are written as text)", () => {
    expect(parseTownList("=Aue,+Bad Schlema,-Lauter,@Eibenstock")).toEqual({
      ok: true,
      names: ["=Aue", "+Bad Schlema", "-Lauter", "@Eibenstock"],
    });
  });

  it.each(["", "  ", ",", " ; , ;"])("refuses a list without a name: %j", (text) => {
    expect(parseTownList(text)).toEqual({ ok: false, problem: "empty" });
  });

  it.each([
    ["Aue, Bockau, Aue", "Aue", "Aue"],
    ["Bockau, BOCKAU", "BOCKAU", "Bockau"],
    ["Bad  Schlema; bad schlema", "bad schlema", "Bad  Schlema"],
  ])("refuses a town named twice (case and spaces do not count): %j", (text, name, first) => {
    expect(parseTownList(text)).toEqual({ ok: false, problem: "duplicate", name, first });
  });
});

describe("costModelForTowns", () => {
  it("without demo: the names only, key values blank, no items", () => {
    const model = costModelForTowns(["Aue", "Eibenstock"], { demo: false });
    expect(model).toEqual({ towns: [{ name: "Aue" }, { name: "Eibenstock" }], items: [] });
    expect(validateCostModel(model)).toEqual([]);
  });

  it("with demo: the demo items and overhead, and the demo towns' values (plan and actual) by position for the first four", () => {
    const model = costModelForTowns(["A", "B", "C", "D"], { demo: true });
    expect(model.items).toEqual(DEMO_COST_MODEL.items);
    expect(model.overhead).toEqual(DEMO_COST_MODEL.overhead);
    model.towns.forEach((town, index) => {
      const demoTown = DEMO_COST_MODEL.towns[index]!;
      for (const field of ["population", "cases", "workplaces", "fteShare"] as const)
        expect(town[field], field).toBe(demoTown[field]);
      expect(town.actual).toEqual(demoTown.actual);
      expect(town.isHost === true).toBe(demoTown.isHost === true);
    });
    // 10 000 hundredths by population 5 300 / 4 600 / 3 300 / 2 000
    expect(model.towns.map((town) => town.fixedPercent)).toEqual([34.87, 30.26, 21.71, 13.16]);
  });

  it.each([1, 3, 4, 7, 50])(
    "with demo and %i town(s): valid, every value filled, fixed percentages with 2 decimals summing to 100.00",
    (count) => {
      const model = costModelForTowns(namesOf(count), { demo: true });
      expect(model.towns.map((town) => town.name)).toEqual(namesOf(count));
      expect(validateCostModel(model)).toEqual([]);
      for (const town of model.towns) {
        for (const field of KEY_VALUE_FIELDS) expect(town[field], `${town.name} ${field}`).toBeGreaterThanOrEqual(0);
        for (const field of ["population", "cases", "workplaces", "fteShare"] as const)
          expect(town[field], `${town.name} ${field}`).toBeGreaterThan(0);
        const hundredths = town.fixedPercent! * 100;
        expect(Math.abs(hundredths - Math.round(hundredths))).toBeLessThan(1e-9);
      }
      const sum = model.towns.reduce((total, town) => total + Math.round(town.fixedPercent! * 100), 0);
      expect(sum).toBe(10_000);
      const allocation = allocateCosts(model);
      expect(allocation.totals).toHaveLength(count);
      for (const item of allocation.items)
        expect(item.shares.reduce((total, share) => total + share.cents, 0)).toBe(item.amountCents);
    },
  );

  it("derives the values of further towns deterministically", () => {
    const first = costModelForTowns(namesOf(12), { demo: true });
    const again = costModelForTowns(namesOf(12), { demo: true });
    expect(again).toEqual(first);
    // a town's values do not depend on its name, only on its position
    const renamed = costModelForTowns(
      namesOf(12).map((name) => `${name} (neu)`),
      { demo: true },
    );
    expect(renamed.towns.map(({ name: _, ...values }) => values)).toEqual(
      first.towns.map(({ name: _, ...values }) => values),
    );
    // the further towns are not all copies of the first four
    const populations = new Set(first.towns.map((town) => town.population));
    expect(populations.size).toBeGreaterThan(4);
  });

  it("refuses an empty list as a programmer error", () => {
    expect(() => costModelForTowns([], { demo: true })).toThrow(RangeError);
  });
});
