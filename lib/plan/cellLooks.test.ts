import { describe, expect, it } from "vitest";
import { cellLook, cellNumberFormat, DEFAULT_DATE_FORMAT, highlightLook } from "./cellLooks.js";

describe("cellLook", () => {
  it("gives the style's look, with the cell's alignment and wrapping on top", () => {
    expect(cellLook({ style: "label" })).toMatchObject({ font: { bold: true }, vertical: "top" });
    expect(cellLook({ style: "label" }).horizontal).toBeUndefined();
    expect(cellLook({ style: "computed", align: "center" })).toMatchObject({ horizontal: "center", locked: true });
    expect(cellLook({ style: "description", wrap: true })).toMatchObject({ wrapText: true, vertical: "top" });
    expect(cellLook({ style: "description" }).wrapText).toBe(false);
    expect(cellLook({ style: "input" })).toMatchObject({ fill: "#FFFBE6", border: "#D9D9D9", locked: false });
  });

  it("is one object per style, alignment and wrapping, so writers can cache by identity", () => {
    expect(cellLook({ style: "header", align: "right" })).toBe(cellLook({ style: "header", align: "right" }));
    expect(cellLook({ style: "header", wrap: false })).toBe(cellLook({ style: "header" }));
    expect(cellLook({ style: "header", align: "left" })).not.toBe(cellLook({ style: "header" }));
  });
});

describe("cellNumberFormat", () => {
  const date = new Date(Date.UTC(2026, 0, 31));

  it("is the plan's format, else the default date format for a date literal, else none", () => {
    expect(cellNumberFormat({ value: 3, numberFormat: "0.00" }, "de")).toBe("0.00");
    expect(cellNumberFormat({ value: date, numberFormat: "mm/yyyy" }, "de")).toBe("mm/yyyy");
    expect(cellNumberFormat({ value: date }, "de")).toBe(DEFAULT_DATE_FORMAT.de);
    expect(cellNumberFormat({ value: date }, "en")).toBe("yyyy-mm-dd");
    expect(cellNumberFormat({ value: date, formula: "TODAY()" }, "de")).toBeUndefined();
    expect(cellNumberFormat({ value: "31.01.2026" }, "de")).toBeUndefined();
  });
});

describe("highlightLook", () => {
  it("uses the colours of Excel's Good and Neutral styles", () => {
    expect(highlightLook("good")).toEqual({ fill: "#C6EFCE", fontColor: "#006100" });
    expect(highlightLook("neutral")).toEqual({ fill: "#FFEB9C", fontColor: "#9C5700" });
    expect(highlightLook("weak")).toEqual({ fill: "#E7E6E6", fontColor: "#404040" });
  });
});
