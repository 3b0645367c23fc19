import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PriorityClass } from "../scoring/scoreTasks.js";
import { buildRoadmap, type RoadmapTask } from "./buildRoadmap.js";

const task = (code: string, score: number, cls: PriorityClass, specialisation: number | null = 0, needForAction: number | null = 0): RoadmapTask => ({
  code,
  name: `Produkt ${code}`,
  score,
  rank: 1,
  class: cls,
  specialisation,
  needForAction,
});

describe("buildRoadmap", () => {
  const towns = [
    { town: "Zschorlau", tasks: [task("1111", 80, "A", 3, 0), task("1112", 40, "B"), task("1211", 10, "C")] },
    { town: "Bockau", tasks: [task("1111", 70, "A", 0, 3), task("1112", 50, "B", 0, 2), task("5511", 90, "A")] },
    { town: "Schönheide", tasks: [task("1112", 60, "B", 3, 1), task("1211", 20, "C", 1, 2)] },
  ];

  it("lists only products shared by at least two towns, ordered by class A count, mean score, code", () => {
    const roadmap = buildRoadmap(towns);
    expect(roadmap.entries.map((e) => e.code)).toEqual(["1111", "1112", "1211"]);
    const [first, second, third] = roadmap.entries;
    expect(first).toMatchObject({ townCount: 2, classACount: 2, meanScore: 75 });
    expect(second).toMatchObject({ townCount: 3, classACount: 0, meanScore: 50 });
    expect(third).toMatchObject({ townCount: 2, classACount: 0, meanScore: 15 });
  });

  it("finds synergies: specialisation 3 in one town, need for action ≥ 2 in another", () => {
    const roadmap = buildRoadmap(towns);
    const byCode = new Map(roadmap.entries.map((e) => [e.code, e.synergies]));
    expect(byCode.get("1111")).toEqual([{ strongTown: "Zschorlau", needingTown: "Bockau" }]);
    expect(byCode.get("1112")).toEqual([{ strongTown: "Schönheide", needingTown: "Bockau" }]);
    expect(byCode.get("1211")).toEqual([]);
  });

  it("breaks ties on code ascending", () => {
    const roadmap = buildRoadmap([
      { town: "A", tasks: [task("52", 50, "B"), task("51", 50, "B")] },
      { town: "B", tasks: [task("52", 50, "B"), task("51", 50, "B")] },
    ]);
    expect(roadmap.entries.map((e) => e.code)).toEqual(["51", "52"]);
  });

  it("holds its ordering and counting rules for any towns (property)", () => {
    const townTasks = fc.uniqueArray(
      fc.record({
        code: fc.constantFrom("11", "111", "1111", "12", "1211", "21"),
        score: fc.double({ min: 0, max: 100, noNaN: true }),
        class: fc.constantFrom<PriorityClass>("A", "B", "C"),
        specialisation: fc.integer({ min: 0, max: 3 }),
        needForAction: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (t) => t.code, maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.array(townTasks, { minLength: 2, maxLength: 6 }), (lists) => {
        const roadmap = buildRoadmap(lists.map((ts, i) => ({ town: `T${i}`, tasks: ts.map((t) => ({ ...t, name: t.code, rank: 1 })) })));
        for (const entry of roadmap.entries) {
          const holders = lists.filter((ts) => ts.some((t) => t.code === entry.code));
          expect(entry.townCount).toBe(holders.length);
          expect(entry.townCount).toBeGreaterThanOrEqual(2);
          for (const s of entry.synergies) expect(s.strongTown).not.toBe(s.needingTown);
        }
        for (let i = 1; i < roadmap.entries.length; i++) {
          const a = roadmap.entries[i - 1];
          const b = roadmap.entries[i];
          if (!a || !b) continue;
          expect(a.classACount > b.classACount || (a.classACount === b.classACount && (a.meanScore > b.meanScore || (a.meanScore === b.meanScore && a.code < b.code)))).toBe(true);
        }
      }),
    );
  });
});
