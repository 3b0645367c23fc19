import { describe, expect, it } from "vitest";
import {
  ALL_EXCEL_FEATURES,
  detectExcelFeatures,
  isTridentHost,
  missingFeatures,
  officeIsSetSupported,
  type IsSetSupported,
} from "./features.js";

/** A host supporting ExcelApi up to `max` (minor version). */
const excelApiUpTo =
  (max: number): IsSetSupported =>
  (name, version) =>
    name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= max;

describe("detectExcelFeatures", () => {
  it("gates each feature by its requirement set", () => {
    expect(detectExcelFeatures(excelApiUpTo(1))).toMatchObject({ minimumForPane: false, conditionalFormats: false });
    expect(detectExcelFeatures(excelApiUpTo(7))).toEqual({
      minimumForPane: true,
      conditionalFormats: true,
      suspendCalculation: true,
      dataValidation: false,
      suspendScreenUpdating: false,
      copyFormulas: false,
      autoFilter: false,
      pageLayout: false,
      fillPattern: false,
      mergedAreas: false,
    });
    expect(detectExcelFeatures(excelApiUpTo(8)).dataValidation).toBe(true);
    expect(detectExcelFeatures(excelApiUpTo(12))).toMatchObject({
      copyFormulas: true,
      suspendScreenUpdating: true,
      mergedAreas: false,
    });
    expect(detectExcelFeatures(excelApiUpTo(21))).toEqual(ALL_EXCEL_FEATURES);
  });

  it("treats a failing isSetSupported as unsupported, and a missing office.js as nothing supported", () => {
    expect(
      detectExcelFeatures(() => {
        throw new Error("not initialised");
      }).minimumForPane,
    ).toBe(false);
    expect(officeIsSetSupported()("ExcelApi", "1.1")).toBe(false);
    expect(detectExcelFeatures().minimumForPane).toBe(false);
  });

  it("lists the optional features a host lacks", () => {
    expect(missingFeatures(detectExcelFeatures(excelApiUpTo(8)))).toEqual([
      "suspendScreenUpdating",
      "copyFormulas",
      "autoFilter",
      "pageLayout",
      "fillPattern",
      "mergedAreas",
    ]);
    expect(missingFeatures(ALL_EXCEL_FEATURES)).toEqual([]);
  });
});

describe("isTridentHost", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko", true],
    ["Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; Trident/7.0; ms-office; MSOffice 16)", true],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
      false,
    ],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)", false],
  ])("%s → %s", (userAgent, trident) => {
    expect(isTridentHost(userAgent)).toBe(trident);
  });
});
