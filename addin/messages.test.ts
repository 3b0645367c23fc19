import { describe, expect, it } from "vitest";
import { UI_TEXT_KEYS, uiText } from "./messages.js";

describe("pane messages", () => {
  it("render every text in German and English, different where words differ", () => {
    const params = { count: 2, total: 5, current: 1, name: "Bockau", file: "bockau.xlsx", list: "A, B", sheet: "Aufgaben", cell: "E7", row: 7, version: "1.0.0", detail: "x" };
    for (const key of UI_TEXT_KEYS) {
      const de = uiText(key, "de", params);
      const en = uiText(key, "en", params);
      expect(de.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(de, key).not.toMatch(/undefined|NaN|\[object/);
      expect(en, key).not.toMatch(/undefined|NaN|\[object/);
    }
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
