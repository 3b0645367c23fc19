import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PriorityClass } from "../scoring/scoreTasks.js";
import { findMeasure, MEASURES } from "../../templates/reference/measures.js";
import { buildRoadmap, chooseLead, type RoadmapParticipant, type RoadmapTask } from "./buildRoadmap.js";

const task = (
  code: string,
  score: number,
  cls: PriorityClass,
  specialisation: number | null = 0,
  needForAction: number | null = 0,
): RoadmapTask => ({
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
    expect(byCode.get("1111")).toEqual([
      { strongTown: "Zschorlau", needingTown: "Bockau", specialisation: 3, needForAction: 3 },
    ]);
    expect(byCode.get("1112")).toEqual([
      { strongTown: "Schönheide", needingTown: "Bockau", specialisation: 3, needForAction: 2 },
    ]);
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
        const roadmap = buildRoadmap(
          lists.map((ts, i) => ({ town: `T${i}`, tasks: ts.map((t) => ({ ...t, name: t.code, rank: 1 })) })),
        );
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
          expect(
            a.classACount > b.classACount ||
              (a.classACount === b.classACount &&
                (a.meanScore > b.meanScore || (a.meanScore === b.meanScore && a.code < b.code))),
          ).toBe(true);
        }
      }),
    );
  });
});

const participant = (
  town: string,
  specialisation: number | null,
  fte: number | null = null,
  casesPerYear: number | null = null,
): RoadmapParticipant => ({
  town,
  score: 50,
  rank: 1,
  class: "B",
  specialisation,
  needForAction: 0,
  fte,
  casesPerYear,
});

describe("chooseLead", () => {
  it("takes the town with the highest specialisation", () => {
    const lead = chooseLead([
      participant("Zschorlau", 2, 5),
      participant("Stützengrün", 3, 0.5),
      participant("Bockau", 1),
    ]);
    expect(lead).toMatchObject({ town: "Stützengrün", decidedBy: "specialisation", specialisation: 3 });
  });

  it("breaks a tie by FTE, then by cases per year, then by name in German order", () => {
    expect(
      chooseLead([participant("Aue", 3, 0.5), participant("Bockau", 3, 1.2), participant("Zwönitz", 2, 9)]),
    ).toMatchObject({
      town: "Bockau",
      decidedBy: "fte",
    });
    expect(chooseLead([participant("Aue", 3, 1, 100), participant("Bockau", 3, 1, 340)])).toMatchObject({
      town: "Bockau",
      decidedBy: "cases",
    });
    // „Ö“ sorts with „O“ in German, before „S“ (a plain code-unit comparison would put it last)
    expect(chooseLead([participant("Stützengrün", 3, 1, 10), participant("Öhrenstock", 3, 1, 10)])).toMatchObject({
      town: "Öhrenstock",
      decidedBy: "name",
    });
  });

  it("ranks a missing rating or figure below 0", () => {
    expect(chooseLead([participant("Aue", null, 9, 900), participant("Bockau", 0)]).town).toBe("Bockau");
    expect(chooseLead([participant("Aue", 2, null, 900), participant("Bockau", 2, 0)]).town).toBe("Bockau");
  });

  it("picks a town no other town beats on (specialisation, FTE, cases), whatever the order (property)", () => {
    const rating = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
    const amount = fc.option(fc.constantFrom(0, 0.5, 1, 2.25), { nil: null });
    const towns = fc.uniqueArray(
      fc.record({
        town: fc.constantFrom("Aue", "Bockau", "Eibenstock", "Lauter", "Öhrenstock", "Zschorlau"),
        s: rating,
        f: amount,
        c: amount,
      }),
      { selector: (t) => t.town, minLength: 2, maxLength: 6 },
    );
    const key = (p: RoadmapParticipant) => [p.specialisation ?? -1, p.fte ?? -1, p.casesPerYear ?? -1];
    fc.assert(
      fc.property(towns, (list) => {
        const participants = list.map((t) => participant(t.town, t.s, t.f, t.c));
        const lead = chooseLead(participants);
        const leader = participants.find((p) => p.town === lead.town)!;
        for (const other of participants) {
          const [a, b] = [key(leader), key(other)];
          const firstDifference = a.findIndex((value, i) => value !== b[i]);
          if (firstDifference >= 0) expect(a[firstDifference]).toBeGreaterThan(b[firstDifference]!);
        }
        // the criterion named is the first one that separates the lead from the runner-up
        const expected = ["specialisation", "fte", "cases"].find((_, i) =>
          participants.every(
            (p) =>
              p === leader ||
              key(p)[i]! < key(leader)[i]! ||
              key(p)
                .slice(0, i)
                .some((v, j) => v < key(leader)[j]!),
          ),
        );
        expect(lead.decidedBy).toBe(expected ?? "name");
        // the same lead whatever order the towns come in
        expect(chooseLead([...participants].reverse()).town).toBe(lead.town);
      }),
    );
  });
});

describe("buildRoadmap: lead, partners and measure", () => {
  it("names the lead, the other towns as partners, and the guideline's measure with its title", () => {
    const roadmap = buildRoadmap(
      [
        { town: "Zschorlau", tasks: [{ ...task("5210", 80, "A", 1, 2), fte: 2 }] },
        { town: "Stützengrün", tasks: [{ ...task("5210", 70, "A", 3, 0), fte: 0.5 }] },
        { town: "Bockau", tasks: [task("5210", 60, "B", 0, 3)] },
      ],
      MEASURES,
    );
    const [entry] = roadmap.entries;
    expect(entry?.lead).toMatchObject({ town: "Stützengrün", decidedBy: "specialisation" });
    expect(entry?.partners).toEqual(["Zschorlau", "Bockau"]);
    expect(entry?.measure).toEqual({
      id: "1.2",
      title: findMeasure("1.2")?.title,
      form: "agreement",
    });
  });

  it("always has a lead among the towns and every other town as a partner (property)", () => {
    const townTasks = fc.uniqueArray(
      fc.record({
        code: fc.constantFrom("1111", "1222", "5210", "5410", "9999"),
        score: fc.integer({ min: 0, max: 100 }),
        class: fc.constantFrom<PriorityClass>("A", "B", "C"),
        specialisation: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        needForAction: fc.integer({ min: 0, max: 3 }),
        fte: fc.option(fc.constantFrom(0, 0.5, 1), { nil: null }),
      }),
      { selector: (t) => t.code, maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.array(townTasks, { minLength: 2, maxLength: 5 }), (lists) => {
        const roadmap = buildRoadmap(
          lists.map((ts, i) => ({ town: `T${i}`, tasks: ts.map((t) => ({ ...t, name: t.code, rank: 1 })) })),
        );
        for (const entry of roadmap.entries) {
          const towns = entry.participants.map((p) => p.town);
          expect(towns).toContain(entry.lead.town);
          expect([entry.lead.town, ...entry.partners].sort()).toEqual([...towns].sort());
          const best = Math.max(...entry.participants.map((p) => p.specialisation ?? -1));
          expect(entry.lead.specialisation ?? -1).toBe(best);
          // a town that can support another leads, or ties with the lead on specialisation
          for (const s of entry.synergies) expect(entry.lead.specialisation).toBe(s.specialisation);
        }
      }),
    );
  });
});
