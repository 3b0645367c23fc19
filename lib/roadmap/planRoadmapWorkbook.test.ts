import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEASURES } from "../../templates/reference/measures.js";
import { planProblems } from "../plan/planProblems.js";
import type { Language } from "../spec/TemplateSpec.js";
import { buildRoadmap, type RoadmapLead, type Synergy } from "./buildRoadmap.js";
import {
  DECISION_PAPER_ENTRIES,
  MAX_LIST_CELL_CHARS,
  describeLead,
  describeSynergies,
  describeSynergy,
  joinWithin,
  planRoadmapWorkbook,
} from "./planRoadmapWorkbook.js";

describe("joinWithin", () => {
  it("joins short lists with „; “", () => {
    expect(joinWithin(["Aue → Bockau", "Lauter → Aue"], "de")).toBe("Aue → Bockau; Lauter → Aue");
    expect(joinWithin([], "de")).toBe("");
  });

  it("cuts long lists at the limit and names how many are left out", () => {
    const pairs = Array.from({ length: 2000 }, (_, i) => `Musterstadt ${i} → Musterstadt ${i + 1}`);
    const de = joinWithin(pairs, "de");
    expect(de.length).toBeLessThanOrEqual(MAX_LIST_CELL_CHARS);
    const shown = de.split("; ").length - 1;
    expect(de).toMatch(new RegExp(`… und ${pairs.length - shown} weitere$`));
    expect(joinWithin(pairs, "en")).toMatch(/… and \d+ more$/);
  });
});

const synergy = (strongTown: string, needingTown: string, needForAction: number): Synergy => ({
  strongTown,
  needingTown,
  specialisation: 3,
  needForAction,
});

describe("synergies in words", () => {
  it("says who can support whom, with the ratings", () => {
    expect(describeSynergy(synergy("Stützengrün", "Zschorlau", 2), "de")).toBe(
      "Stützengrün kann Zschorlau unterstützen: Spezialisierung 3, Handlungsbedarf 2",
    );
    expect(describeSynergy(synergy("Stützengrün", "Zschorlau", 2), "en")).toBe(
      "Stützengrün can support Zschorlau: specialisation 3, need for action 2",
    );
  });

  it("makes one sentence per strong town", () => {
    const synergies = [
      synergy("Aue", "Bockau", 3),
      synergy("Aue", "Lauter", 2),
      synergy("Aue", "Zwönitz", 2),
      synergy("Lauter", "Bockau", 3),
    ];
    expect(describeSynergies(synergies, "de")).toEqual([
      "Aue kann Bockau, Lauter und Zwönitz unterstützen: Spezialisierung 3, Handlungsbedarf 3, 2 und 2",
      "Lauter kann Bockau unterstützen: Spezialisierung 3, Handlungsbedarf 3",
    ]);
    expect(describeSynergies(synergies.slice(0, 2), "en")).toEqual([
      "Aue can support Bockau and Lauter: specialisation 3, need for action 3 and 2",
    ]);
    expect(describeSynergies([], "de")).toEqual([]);
  });

  it("names every town and rating of every synergy, never an arrow (property)", () => {
    const towns = fc.constantFrom("Aue", "Bockau", "Lauter", "Zwönitz", "Stützengrün");
    fc.assert(
      fc.property(
        fc.array(fc.record({ strong: towns, needing: towns, need: fc.integer({ min: 2, max: 3 }) }), { maxLength: 12 }),
        fc.constantFrom<Language>("de", "en"),
        (list, language) => {
          const synergies = list.filter((s) => s.strong !== s.needing).map((s) => synergy(s.strong, s.needing, s.need));
          const sentences = describeSynergies(synergies, language);
          expect(sentences).toHaveLength(new Set(synergies.map((s) => s.strongTown)).size);
          for (const s of synergies) {
            const sentence = sentences.find((text) => text.startsWith(`${s.strongTown} `));
            expect(sentence).toContain(s.needingTown);
          }
          expect(sentences.join("")).not.toContain("→");
        },
      ),
    );
  });
});

describe("describeLead", () => {
  const lead = (decidedBy: RoadmapLead["decidedBy"]): RoadmapLead => ({
    town: "Bockau",
    decidedBy,
    specialisation: 3,
    fte: 1.25,
    casesPerYear: 340,
  });
  it("gives the reason in words", () => {
    expect(describeLead(lead("specialisation"), "de")).toBe("höchste Spezialisierung (3)");
    expect(describeLead(lead("fte"), "de")).toBe("Spezialisierung 3 gleichauf, mehr VZÄ (1,25)");
    expect(describeLead(lead("cases"), "en")).toBe("specialisation 3 and FTE tied, more cases (340)");
    expect(describeLead(lead("name"), "de")).toBe("Spezialisierung 3, VZÄ und Fälle gleichauf: alphabetisch zuerst");
  });
});

describe("planRoadmapWorkbook: the decision paper", () => {
  const towns = ["Zschorlau", "Schönheide", "Stützengrün", "Bockau"];
  const codes = ["1222", "5210", "5410", "1112", "1113", "1260", "5111", "3650", "5452", "1221", "6110", "1212"];
  const roadmap = buildRoadmap(
    towns.map((town, t) => ({
      town,
      tasks: codes.map((code, c) => ({
        code,
        name: `Aufgabe ${code}`,
        score: 90 - c * 5 - t,
        rank: c + 1,
        class: c < 3 ? "A" : "B",
        // two towns specialised in every other task: two sentences of synergies
        specialisation: t < 2 && c % 2 === 0 ? 3 : (t + c) % 4,
        needForAction: (t * 2 + c) % 4,
        fte: 1,
        casesPerYear: 100 + t,
      })),
    })),
    MEASURES,
  );
  const plan = planRoadmapWorkbook(roadmap, [], "de", { date: new Date(2026, 11, 7) });
  const [paper, list] = plan.sheets;
  const rows = [...paper!.rows()];
  const text = (row: number, column: number) =>
    rows.find((r) => r.row === row)?.cells.find((c) => c.column === column)?.value;

  it("opens with title, partner towns and date, then the top 10 with lead, partners, synergies, measure and empty fields", () => {
    expect(paper!.name).toBe("Entscheidungsvorlage");
    expect(text(1, 1)).toBe("IKZ-Fahrplan – Entscheidungsvorlage");
    expect(text(2, 1)).toBe("Partnerkommunen: Zschorlau, Schönheide, Stützengrün, Bockau");
    expect(text(3, 1)).toMatch(/^Stand: 07\.12\.2026/);
    expect(text(4, 1)).toMatch(/^Die ersten 10 von 12 gemeinsamen Aufgaben/);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(5, c))).toEqual([
      "Nr.",
      "Aufgabe",
      "Federführung (Vorschlag)",
      "Partner",
      "Synergien",
      "Vorgeschlagene Maßnahme",
      "Zeitraum",
      "Nächster Schritt",
    ]);
    expect(
      roadmap.entries.slice(0, DECISION_PAPER_ENTRIES).some((e) => describeSynergies(e.synergies, "de").length > 1),
    ).toBe(true);
    const entryRows = rows.filter((r) => r.row > 5 && typeof r.cells[0]?.value === "number");
    expect(entryRows).toHaveLength(DECISION_PAPER_ENTRIES);
    roadmap.entries.slice(0, DECISION_PAPER_ENTRIES).forEach((entry, index) => {
      const row = 6 + index;
      expect(String(text(row, 2))).toContain(entry.name);
      expect(String(text(row, 3)).split("\n")[0]).toBe(entry.lead.town);
      expect(text(row, 4)).toBe(entry.partners.join(", "));
      for (const sentence of describeSynergies(entry.synergies, "de").slice(0, 4))
        expect(String(text(row, 5))).toContain(sentence);
      expect(String(text(row, 6))).toMatch(new RegExp(`^${entry.measure.id.replace(".", "\\.")} `));
      for (const column of [7, 8]) {
        const cell = rows.find((r) => r.row === row)?.cells.find((c) => c.column === column);
        expect(cell).toMatchObject({ style: "input", value: null });
      }
      expect(rows.find((r) => r.row === row)?.height).toBeGreaterThanOrEqual(45);
    });
  });

  it("prints landscape with header, footer and a print area over the paper only", () => {
    expect(paper!.print).toMatchObject({
      landscape: true,
      area: "A1:H18",
      header: { left: "IKZ-Fahrplan – Entscheidungsvorlage", right: "07.12.2026" },
      footer: { left: towns.join(", "), right: "Seite {page} von {pages}" },
    });
    expect(list!.name).toBe("Fahrplan");
    expect(planProblems(plan)).toEqual([]);
  });

  it("keeps the full list on the roadmap sheet, with lead and measure", () => {
    const listRows = [...list!.rows()];
    const first = listRows.find((r) => r.row === 5);
    expect(first?.cells.find((c) => c.column === 2)?.value).toBe(roadmap.entries[0]?.code);
    expect(first?.cells.find((c) => c.column === 9)?.value).toBe(roadmap.entries[0]?.lead.town);
    expect(first?.cells.find((c) => c.column === 10)?.value).toBe(roadmap.entries[0]?.measure.id);
    expect(listRows.filter((r) => r.row > 4)).toHaveLength(roadmap.entries.length);
  });

  it("names the towns in the footer by number when their names do not fit Excel's limit", () => {
    const many = Array.from({ length: 12 }, (_, i) => `Gemeinde mit sehr langem Namen ${i + 1}`);
    const big = planRoadmapWorkbook({ towns: many, entries: [] }, [], "de");
    expect(big.sheets[0]?.print.footer?.left).toBe("12 Partnerkommunen");
    expect(planProblems(big)).toEqual([]);
    expect(String([...big.sheets[0]!.rows()].find((r) => r.row === 4)?.cells[0]?.value)).toContain(
      "keine gemeinsame Aufgabe",
    );
  });
});
