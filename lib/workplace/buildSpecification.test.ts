import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSpecification, specificationLines } from "./buildSpecification.js";
import { DIMENSION_KEYS, OBLIGATIONS, type Obligation, type WorkplaceRequirement } from "./model.js";

type Definition = Omit<WorkplaceRequirement, "statuses">;

const definition = (
  id: string,
  dimension: Definition["dimension"],
  obligation: Obligation,
  text = id,
  rolesText = "",
): Definition => ({
  id,
  dimension,
  text,
  obligation,
  roles: null,
  rolesText,
});

describe("buildSpecification", () => {
  it("groups Muss and Soll by dimension, numbers them d.k in profile order and leaves Kann out", () => {
    const sections = buildSpecification([
      definition("D1", "digital", "should"),
      definition("H1", "hybrid", "must", "  Notebook   mit Dock "),
      definition("H2", "hybrid", "may"),
      definition("S1", "standardised", "must", "Warenkorb", " Sachbearbeitung;  Führungskraft "),
      definition("H3", "hybrid", "should"),
      definition("D2", "digital", "must"),
    ]);
    expect(sections.map((s) => [s.number, s.dimension, s.items.map((i) => `${i.number} ${i.id}`)])).toEqual([
      [1, "hybrid", ["1.1 H1", "1.2 H3"]],
      [2, "digital", ["2.1 D1", "2.2 D2"]],
      [3, "networked", []],
      [4, "userFriendly", []],
      [5, "serviceOriented", []],
      [6, "standardised", ["6.1 S1"]],
    ]);
    // texts as the sheet's TRIM shows them
    expect(sections[0]?.items[0]?.text).toBe("Notebook mit Dock");
    expect(sections[5]?.items[0]?.rolesText).toBe("Sachbearbeitung; Führungskraft");
    expect(
      specificationLines(sections).map((l) => (l.kind === "heading" ? `#${l.section.number}` : l.item.number)),
    ).toEqual(["#1", "1.1", "1.2", "#2", "2.1", "2.2", "#3", "#4", "#5", "#6", "6.1"]);
  });

  it("lists every Muss and Soll requirement once, numbered 1…n without gaps in each dimension", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ dimension: fc.constantFrom(...DIMENSION_KEYS), obligation: fc.constantFrom(...OBLIGATIONS) }),
          {
            maxLength: 60,
          },
        ),
        (rows) => {
          const definitions = rows.map((row, index) => definition(`R${index}`, row.dimension, row.obligation));
          const sections = buildSpecification(definitions);
          const listed = sections.flatMap((s) => s.items.map((i) => i.id));
          expect(listed.sort()).toEqual(
            definitions
              .filter((d) => d.obligation !== "may")
              .map((d) => d.id)
              .sort(),
          );
          sections.forEach((section, index) => {
            expect(section.number).toBe(index + 1);
            section.items.forEach((item, position) => {
              expect(item.number).toBe(`${section.number}.${position + 1}`);
              expect(item.dimension).toBe(section.dimension);
            });
            // profile order within the dimension
            const order = section.items.map((i) => Number(i.id.slice(1)));
            expect(order).toEqual([...order].sort((a, b) => a - b));
          });
          expect(specificationLines(sections)).toHaveLength(DIMENSION_KEYS.length + listed.length);
        },
      ),
    );
  });
});
