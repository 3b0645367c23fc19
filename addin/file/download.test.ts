import { describe, expect, it } from "vitest";
import { changedFileName, fileNamePart, templateFileName } from "./download.js";

describe("download names", () => {
  it.each([
    ["Stützengrün", "stuetzengruen"],
    ["Schönheide", "schoenheide"],
    ["Groß Düben / Sachsen", "gross-dueben-sachsen"],
    ["  Zschorlau  ", "zschorlau"],
    ["Crôtenlaide", "crotenlaide"],
    ["../../etc", "etc"],
    ["", ""],
  ])("%s → %s", (town, part) => {
    expect(fileNamePart(town)).toBe(part);
  });

  it("names template files and changed copies", () => {
    expect(templateFileName("aufgabenkatalog", "Bockau")).toBe("aufgabenkatalog-bockau.xlsx");
    expect(templateFileName("aufgabenkatalog", " ")).toBe("aufgabenkatalog.xlsx");
    expect(changedFileName("Bockau 2025.XLSX")).toBe("Bockau 2025-ikz.xlsx");
  });
});
