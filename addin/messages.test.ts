import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../lib/spec/TemplateSpec.js";
import { countProblems, textProblems } from "../lib/testing/wordingProblems.js";
import { UI_TEXT_KEYS, uiText } from "./messages.js";
import { OFFICE_MESSAGE_KEYS, renderOfficeMessage } from "../adapters/office/officeMessages.js";

describe("pane messages", () => {
  it("render every text in German and English, different where words differ", () => {
    const params = {
      count: 2,
      total: 5,
      current: 1,
      name: "Bockau",
      file: "bockau.xlsx",
      list: "A, B",
      sheet: "Aufgaben",
      cell: "E7",
      row: 7,
      version: "1.0.0",
      detail: "x",
    };
    for (const key of UI_TEXT_KEYS) {
      const de = uiText(key, "de", params);
      const en = uiText(key, "en", params);
      expect(de.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(de, key).not.toMatch(/undefined|NaN|\[object/);
      expect(en, key).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("render every text with 0, 1 and 2 items: singular after 1, no plural hacks, nothing left unreplaced", () => {
    const problems: string[] = [];
    for (const key of UI_TEXT_KEYS) {
      for (const language of LANGUAGES) {
        // counts are `count` and `total`; `current` and `row` are positions, not counts
        const render = (items: 0 | 1 | 2) =>
          uiText(key, language, {
            count: items,
            total: items,
            current: 3,
            row: 7,
            name: "Bockau",
            file: "bockau.xlsx",
            list: "A, B",
            sheet: "Aufgaben",
            cell: "E7",
            version: "1.0.0",
            detail: "x",
            amount: "1.234,56 €",
            sum: "1.234,55 €",
          });
        const rendered = { 0: render(0), 1: render(1), 2: render(2) };
        for (const items of [0, 1, 2] as const)
          for (const problem of textProblems(rendered[items]))
            problems.push(`${key} (${language}, ${items}): ${problem} — ${rendered[items]}`);
        for (const problem of countProblems(rendered, language)) problems.push(`${key} (${language}): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("renders every Excel host message without undefined, plural hacks or placeholders", () => {
    const problems = OFFICE_MESSAGE_KEYS.flatMap((key) =>
      LANGUAGES.flatMap((language) =>
        textProblems(renderOfficeMessage(key, language, { sheets: ["Aufgaben", "Kriterien"] })).map(
          (p) => `${key} (${language}): ${p}`,
        ),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("counts in words: singular and plural", () => {
    expect(uiText("countErrors", "de", { count: 1 })).toBe("1 Fehler");
    expect(uiText("countWarnings", "de", { count: 1 })).toBe("1 Warnung");
    expect(uiText("countWarnings", "de", { count: 3 })).toBe("3 Warnungen");
    expect(uiText("countNotes", "en", { count: 1 })).toBe("1 note");
    expect(uiText("countErrors", "en", { count: 1200 })).toBe("1,200 errors");
    expect(uiText("countErrors", "de", { count: 1200 })).toBe("1.200 Fehler");
  });
});
