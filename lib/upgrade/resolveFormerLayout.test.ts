import { describe, expect, it } from "vitest";
import { probeSpec } from "../testing/probeTemplate.js";
import { TemplateSpecError, type TemplateSpec } from "../spec/TemplateSpec.js";
import { resolveFormerLayout } from "./resolveFormerLayout.js";

const people = (version: string) => {
  const sheet = resolveFormerLayout(probeSpec, version).sheets.find((s) => s.key === "people");
  if (!sheet) throw new Error("no people");
  return sheet;
};
const columns = (version: string) =>
  people(version).columns.map((c) => `${c.key}:${c.label.de}:${c.kind}→${c.target ?? "-"}`);

describe("resolveFormerLayout", () => {
  it("is the spec itself for the current version: every column maps onto itself", () => {
    expect(columns("2.0.0")).toEqual([
      "no:Nr.:computed→no",
      "name:Name:input→name",
      "town:Ort:input→town",
      "age:Alter:input→age",
      "email:E-Mail:input→email",
      "total:Doppeltes Alter:computed→total",
    ]);
    const layout = resolveFormerLayout(probeSpec, "2.0.0");
    expect(layout.sheets.map((s) => `${s.key}:${s.kind}:${s.headerRow}`)).toEqual([
      "settings:form:4",
      "people:table:4",
    ]);
    expect(people("2.0.0").names).toEqual([{ de: "Personen", en: "People" }]);
  });

  it("applies one revision: the columns of 1.1.0 in their order, a former label pointing at the current key", () => {
    expect(columns("1.1.0")).toEqual([
      "no:Nr.:computed→no",
      "name:Name:input→name",
      "age:Lebensalter:input→age",
      "total:Doppeltes Alter:computed→total",
      "town:Ort:input→town",
    ]);
  });

  it("chains revisions: a key renamed in 1.0.0 and a label of 1.1.0 both reach the current column", () => {
    expect(columns("1.0.0")).toEqual([
      "no:Nr.:computed→no",
      "fullName:Vollständiger Name:input→name",
      "age:Lebensalter:input→age",
      "town:Ort:input→town",
      "note:Notiz:input→-",
      "double:Doppelt:computed→-",
    ]);
    const sheet = people("1.0.0");
    expect(sheet.names).toEqual([
      { de: "Leute", en: "Folks" },
      { de: "Personen", en: "People" },
    ]);
    expect(sheet.texts.map((t) => t.de)).toEqual(["Alte Beschreibung.", "Personen", "Eine Zeile je Person."]);
  });

  it("leaves out the sheets a version did not have, and names them", () => {
    expect(resolveFormerLayout(probeSpec, "1.0.0").sheets.map((s) => s.key)).toEqual(["people"]);
    expect(resolveFormerLayout(probeSpec, "1.0.0").absent).toEqual(["settings"]);
    expect(resolveFormerLayout(probeSpec, "1.1.0").absent).toEqual([]);
    expect(resolveFormerLayout(probeSpec, "0.3.0").absent).toEqual(["settings"]);
  });

  it("applies every revision from the newest down to the workbook's version", () => {
    expect(columns("0.3.0")).toEqual(columns("1.0.0"));
    expect(columns("1.0.7")).toEqual(columns("1.1.0"));
    expect(columns("1.2.0")).toEqual(columns("2.0.0"));
  });

  it("refuses a history that names a column or sheet the next version does not have", () => {
    const broken = (sheets: NonNullable<TemplateSpec["history"]>[number]["sheets"]): TemplateSpec => ({
      ...probeSpec,
      history: [{ version: "1.0.0", sheets }],
    });
    expect(() => resolveFormerLayout(broken([{ key: "people", columns: ["nobody"] }]), "1.0.0")).toThrow(
      TemplateSpecError,
    );
    expect(() =>
      resolveFormerLayout(
        broken([{ key: "people", columns: [{ key: "x", label: { de: "X", en: "X" }, to: "y" }] }]),
        "1.0.0",
      ),
    ).toThrow(/no column "y"/);
    expect(() => resolveFormerLayout(broken([{ key: "ghosts" }]), "1.0.0")).toThrow(/no sheet "ghosts"/);
    const absent = (keys: readonly string[], sheets: NonNullable<TemplateSpec["history"]>[number]["sheets"] = []) =>
      resolveFormerLayout({ ...probeSpec, history: [{ version: "1.0.0", absent: keys, sheets }] }, "1.0.0");
    expect(() => absent(["ghosts"])).toThrow(/no sheet "ghosts"/);
    // a sheet the version did not have cannot have had columns then
    expect(() => absent(["people"], [{ key: "people", columns: ["name"] }])).toThrow(/no sheet "people"/);
  });
});
