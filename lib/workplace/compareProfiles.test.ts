import { describe, expect, it } from "vitest";
import { compareProfiles, requirementKey, type AssessedRequirement, type TownAssessment } from "./compareProfiles.js";
import type { DimensionKey, Obligation, RequirementStatus } from "./model.js";

const req = (
  id: string,
  dimension: DimensionKey,
  obligation: Obligation,
  status: RequirementStatus | null,
  roles: readonly string[] | null = null,
  text = `Text ${id}`,
): AssessedRequirement => ({ id, dimension, text, obligation, roles, rolesText: roles?.join("; ") ?? "", status });

const town = (
  name: string,
  requirements: AssessedRequirement[],
  workplaces: Record<string, number> | null,
): TownAssessment => ({ town: name, source: `${name.toLowerCase()}.xlsx`, requirements, workplaces });

describe("compareProfiles", () => {
  const towns = [
    town(
      "Aue",
      [
        req("R1", "hybrid", "must", "notFulfilled", ["manager"]),
        req("R2", "digital", "must", "partly"),
        req("R3", "digital", "should", "notFulfilled"),
        req("R4", "networked", "must", "notFulfilled"),
      ],
      { clerk: 10, manager: 2 },
    ),
    town(
      "Bad Schlema",
      [
        req("r1 ", "hybrid", "must", "partly", ["manager"]),
        req("R2", "digital", "must", "notFulfilled"),
        req("R3", "digital", "should", "notFulfilled"),
        req("R4", "networked", "must", null),
      ],
      { clerk: 5, manager: 1 },
    ),
    town(
      "Carlsfeld",
      [
        req("R1", "hybrid", "should", "fulfilled", ["manager"], "Anders beschrieben"),
        req("R2", "digital", "must", "notFulfilled"),
      ],
      null,
    ),
  ];
  const result = compareProfiles(towns);

  it("computes each town's fulfilment on its own profile", () => {
    // Aue: R1 3·0 + R2 3·0.5 + R3 2·0 + R4 3·0 = 1.5 of 11
    expect(result.towns.map((t) => [t.town, t.requirementCount, t.fulfilment.overall.value, t.workplaces])).toEqual([
      ["Aue", 4, 1.5 / 11, 12],
      // R1 3·0.5 + R2 0 + R3 0 = 1.5 of 8 (R4 not assessed)
      ["Bad Schlema", 4, 1.5 / 8, 6],
      // R1 (Soll here) 2·1 + R2 0 = 2 of 5
      ["Carlsfeld", 2, 2 / 5, null],
    ]);
  });

  it("merges by id (trimmed, case ignored) and marks what a town lacks", () => {
    expect(requirementKey(" r1 ")).toBe("r1");
    expect(result.requirements.map((r) => [r.id, r.obligation, r.statuses])).toEqual([
      ["R1", "must", ["notFulfilled", "partly", "fulfilled"]],
      ["R2", "must", ["partly", "notFulfilled", "notFulfilled"]],
      ["R3", "should", ["notFulfilled", "notFulfilled", "absent"]],
      ["R4", "must", ["notFulfilled", "notAssessed", "absent"]],
    ]);
  });

  it("lists Muss gaps of two or more towns, most towns first, with the workplaces concerned", () => {
    expect(result.commonGaps).toEqual([
      // R2 applies to every role; Carlsfeld entered no workplaces → unknown
      {
        id: "R2",
        dimension: "digital",
        text: "Text R2",
        rolesText: "",
        towns: ["Aue", "Bad Schlema", "Carlsfeld"],
        workplaces: null,
      },
      // R1: managers of Aue (2) and Bad Schlema (1); in Carlsfeld it is a fulfilled Soll
      {
        id: "R1",
        dimension: "hybrid",
        text: "Text R1",
        rolesText: "manager",
        towns: ["Aue", "Bad Schlema"],
        workplaces: 3,
      },
    ]);
  });

  it("lists differing definitions and counts a repeated town once", () => {
    expect(result.differences).toEqual([
      {
        id: "R1",
        field: "obligation",
        values: [
          { town: "Aue", value: "must" },
          { town: "Bad Schlema", value: "must" },
          { town: "Carlsfeld", value: "should" },
        ],
      },
      {
        id: "R1",
        field: "text",
        values: [
          { town: "Aue", value: "Text R1" },
          { town: "Bad Schlema", value: "Text r1" },
          { town: "Carlsfeld", value: "Anders beschrieben" },
        ],
      },
    ]);
    const twice = compareProfiles([...towns, town(" aue", [req("R1", "hybrid", "must", "fulfilled")], null)]);
    expect(twice.towns).toHaveLength(3);
    expect(twice.repeatedTowns).toEqual([{ town: " aue", source: " aue.xlsx", firstSource: "aue.xlsx" }]);
  });
});
