import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { PlanWriteError } from "../../lib/plan/PlanWriteError.js";
import { FakeOfficeError } from "./testing/fakeExcel.js";
import {
  DOCUMENTED_OFFICE_ERROR_CODES,
  isTransientOfficeError,
  MAPPED_OFFICE_ERROR_CODES,
  messageKeyForCode,
  OfficeHostError,
  SheetsExistError,
  toOfficeHostError,
} from "./officeErrors.js";
import { OFFICE_MESSAGE_KEYS, renderOfficeMessage } from "./officeMessages.js";

/** The string values of an enum or static-string class in @types/office-js, found after `anchor`. */
function codesInTypings(anchor: RegExp): string[] {
  const typings = readFileSync(createRequire(import.meta.url).resolve("@types/office-js/index.d.ts"), "utf8");
  const found = anchor.exec(typings);
  if (!found) throw new Error(`@types/office-js: ${anchor} not found`);
  const start = found.index + found[0].length;
  const body = typings.slice(start, typings.indexOf("\n    }", start));
  return [...body.matchAll(/= "([A-Za-z]+)"/g), ...body.matchAll(/static ([a-z][A-Za-z]+): string/g)].map((m) =>
    m[0].startsWith("static") ? (m[1] ?? "").replace(/^./, (c) => c.toUpperCase()) : (m[1] ?? ""),
  );
}

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
    ["WriteNotSupportedWhenModalDialogOpen", "modalDialogOpen"],
    ["InvalidOrTimedOutSession", "sessionExpired"],
    ["Timeout", "timeout"],
    ["MemoryLimitReached", "memoryLimit"],
    ["NonBlankCellOffSheet", "noRoomOnSheet"],
    ["SomethingNew", "unknown"],
    ["toString", "unknown"],
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

describe("every Office error code Microsoft documents for Excel", () => {
  it("has its own explanation and next step in German and English, never `unknown`", () => {
    expect(DOCUMENTED_OFFICE_ERROR_CODES.length).toBeGreaterThanOrEqual(55);
    const unexplained = DOCUMENTED_OFFICE_ERROR_CODES.filter((code) => messageKeyForCode(code) === "unknown");
    expect(unexplained).toEqual([]);
    for (const code of DOCUMENTED_OFFICE_ERROR_CODES) {
      const key = messageKeyForCode(code);
      const de = renderOfficeMessage(key, "de");
      const en = renderOfficeMessage(key, "en");
      expect(de, code).toMatch(/\. |\.$/);
      expect(en, code).not.toBe(de);
      expect(en.length, code).toBeGreaterThan(20);
    }
  });

  it("maps no code that is not in the documented list (no typos, no stale entries)", () => {
    expect(MAPPED_OFFICE_ERROR_CODES.filter((code) => !DOCUMENTED_OFFICE_ERROR_CODES.includes(code))).toEqual([]);
    expect(new Set(DOCUMENTED_OFFICE_ERROR_CODES).size).toBe(DOCUMENTED_OFFICE_ERROR_CODES.length);
  });

  it("lists every code of Excel.ErrorCodes and OfficeExtension.ErrorCodes in the installed typings", () => {
    const excel = codesInTypings(/declare namespace Excel \{[\s\S]*?enum ErrorCodes \{/);
    const extension = codesInTypings(/declare namespace OfficeExtension \{[\s\S]*?class ErrorCodes \{/);
    expect(excel.length).toBeGreaterThanOrEqual(33);
    expect(extension.length).toBeGreaterThanOrEqual(12);
    expect(excel).toContain("InvalidOperationInCellEditMode");
    expect(extension).toContain("PropertyNotLoaded");
    expect([...excel, ...extension].filter((code) => !DOCUMENTED_OFFICE_ERROR_CODES.includes(code))).toEqual([]);
  });

  it("names the codes of issue 11 specifically, not as unknown", () => {
    expect(renderOfficeMessage(messageKeyForCode("WriteNotSupportedWhenModalDialogOpen"), "de")).toContain(
      "Dialogfenster",
    );
    expect(renderOfficeMessage(messageKeyForCode("InvalidOrTimedOutSession"), "de")).toContain("Sitzung");
    expect(renderOfficeMessage(messageKeyForCode("Timeout"), "de")).toContain("nicht rechtzeitig");
    expect(renderOfficeMessage(messageKeyForCode("MemoryLimitReached"), "de")).toContain("Arbeitsspeicher");
  });

  it("points at the copyable support line, not at a console", () => {
    for (const key of OFFICE_MESSAGE_KEYS) {
      expect(renderOfficeMessage(key, "de", { sheets: ["A"] }), key).not.toMatch(/Konsole/);
      expect(renderOfficeMessage(key, "en", { sheets: ["A"] }), key).not.toMatch(/console/);
    }
    expect(renderOfficeMessage("internal", "de")).toContain("Angaben für den Support");
  });

  it("treats what the user is doing in Excel, or a busy Excel, as transient", () => {
    const transient = (code: string): boolean => isTransientOfficeError(toOfficeHostError({ code, message: "" }));
    expect(transient("InvalidOperationInCellEditMode")).toBe(true);
    expect(transient("WriteNotSupportedWhenModalDialogOpen")).toBe(true);
    expect(transient("ActivityLimitReached")).toBe(true);
    expect(transient("Timeout")).toBe(true);
    expect(transient("AccessDenied")).toBe(false);
    expect(transient("PropertyNotLoaded")).toBe(false);
  });
});
