import { describe, expect, it } from "vitest";
import { PlanWriteError } from "../../adapters/exceljs/errors.js";
import { FakeOfficeError } from "./fakeExcel.js";
import { messageKeyForCode, OfficeHostError, SheetsExistError, toOfficeHostError } from "./officeErrors.js";
import { OFFICE_MESSAGE_KEYS, renderOfficeMessage } from "./officeMessages.js";

describe("toOfficeHostError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["ItemAlreadyExists", "itemAlreadyExists"],
    ["ItemNotFound", "itemNotFound"],
    ["AccessDenied", "accessDenied"],
    ["RequestPayloadSizeLimitExceeded", "requestTooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "responseTooLarge"],
    ["InvalidArgument", "invalidArgument"],
    ["GeneralException", "generalException"],
    ["Conflict", "conflict"],
    ["ActivityLimitReached", "busy"],
    ["ApiNotFound", "unsupported"],
    ["MergedRangeConflict", "rangeConflict"],
    ["PropertyNotLoaded", "internal"],
    ["SomethingNew", "unknown"],
  ] as const)("maps %s to %s", (code, key) => {
    const cause = new FakeOfficeError(code, "Excel says no.", "Range.values");
    const error = toOfficeHostError(cause);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error).toMatchObject({ code, messageKey: key, cause });
    expect(error.message).toBe(`${code}: Excel says no. (at Range.values)`);
    expect(messageKeyForCode(code)).toBe(key);
  });

  it("accepts any object with a string code (OfficeExtension.Error is not a subclass of Error everywhere)", () => {
    expect(toOfficeHostError({ code: "AccessDenied", message: "read-only" })).toMatchObject({
      messageKey: "accessDenied",
      message: "AccessDenied: read-only",
    });
  });

  it("keeps OfficeHostErrors and wraps everything else as internal", () => {
    const clash = new SheetsExistError(["Aufgaben"]);
    expect(toOfficeHostError(clash)).toBe(clash);
    const bug = new PlanWriteError("Aufgaben", "A5", "bad");
    expect(toOfficeHostError(bug)).toMatchObject({ messageKey: "internal", code: "Internal", cause: bug });
    expect(toOfficeHostError("kaputt")).toMatchObject({ messageKey: "internal", message: "kaputt" });
  });
});

describe("renderOfficeMessage", () => {
  it("has a German and an English text for every key", () => {
    for (const key of OFFICE_MESSAGE_KEYS) {
      const de = renderOfficeMessage(key, "de", { sheets: ["A"] });
      const en = renderOfficeMessage(key, "en", { sheets: ["A"] });
      expect(de.length, key).toBeGreaterThan(3);
      expect(en.length, key).toBeGreaterThan(3);
      if (!key.startsWith("progress.")) expect(de, key).not.toBe(en);
    }
  });

  it("asks to leave the cell in cell edit mode and names clashing sheets", () => {
    expect(renderOfficeMessage("cellEditMode", "de")).toBe(
      "Excel ist im Bearbeitungsmodus: bitte die Zelle verlassen (Eingabe oder Esc) und noch einmal versuchen.",
    );
    expect(renderOfficeMessage("sheetsExist", "de", { sheets: ["Aufgaben", "Kommune"] })).toContain(
      "„Aufgaben“, „Kommune“",
    );
    expect(renderOfficeMessage("sheetsExist", "en", { sheets: ["Tasks"] })).toContain("“Tasks”");
    expect(renderOfficeMessage("belowMinimum", "de")).toContain("ExcelApi 1.7");
  });
});
