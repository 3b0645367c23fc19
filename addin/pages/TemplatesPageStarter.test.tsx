// @vitest-environment jsdom
/**
 * „Vorlagen“: the PESTEL template's starter themes — offered only for templates that take them,
 * inserted unrated when ticked, and not offered together with the demo data.
 */
import { cleanup, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { STARTER_THEMES } from "../../templates/pestel/starterThemes.js";
import { App, preloadPages } from "../App.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";

beforeAll(preloadPages);
configure({ asyncUtilTimeout: 30_000 });

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const STARTER_LABEL = "Startthemen aus dem Leitfaden einfügen (noch ohne Bewertung)";

/** The theme texts of the inserted long form. */
function insertedThemes(host: FakeWorkbookHost): string[] {
  const call = host.calls.find((c) => c.method === "insertPlan");
  const plan = call?.method === "insertPlan" ? (call.plan as WorkbookPlan) : undefined;
  const themes = plan?.sheets.find((s) => s.key === "themes");
  if (!themes) return [];
  return [...themes.rows()].flatMap((row) => {
    const text = row.cells.find((c) => c.column === 3)?.value;
    return row.row >= 5 && typeof text === "string" && text !== "" ? [text] : [];
  });
}

beforeEach(() => {
  document.documentElement.lang = "de";
  URL.createObjectURL = vi.fn(() => "blob:ikz-test");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
});

describe("Vorlagen: Startthemen der PESTEL-Matrix", () => {
  it("offers them only for the PESTEL matrix, inserts them when ticked, and not with demo data", async () => {
    const host = new FakeWorkbookHost({ name: "mappe.xlsx", sheets: [] });
    render(<App connect={() => Promise.resolve({ kind: "excel", host })} storage={memoryStorage()} />);
    const select = await screen.findByRole("combobox", { name: "Vorlage" });
    expect(screen.queryByRole("checkbox", { name: STARTER_LABEL })).toBeNull();
    await userEvent.selectOptions(select, "pestel");
    const starter = screen.getByRole("checkbox", { name: STARTER_LABEL });
    await userEvent.click(starter);
    await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));
    await waitFor(() => expect(host.calls.some((c) => c.method === "insertPlan")).toBe(true));
    expect(insertedThemes(host)).toEqual(STARTER_THEMES.map((theme) => theme.text.de));

    await userEvent.click(screen.getByRole("checkbox", { name: /Beispieldaten einfügen/ }));
    expect((screen.getByRole("checkbox", { name: STARTER_LABEL }) as HTMLInputElement).disabled).toBe(true);
  });
});
