// @vitest-environment jsdom
/**
 * „Vorlagen“: the choice of the pre-filled products of the task catalogue — the usual ones of a
 * kreisangehörige Gemeinde by default, all of the framework on request — and the PESTEL template's
 * starter themes: offered only for templates that take them, inserted unrated when ticked, and not
 * offered together with the demo data.
 */
import { cleanup, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { STARTER_THEMES } from "../../templates/pestel/starterThemes.js";
import { productLeaves, selectedProducts } from "../../templates/reference/productFramework.js";
import { App, preloadPages } from "../App.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";
import { layOutPane } from "../testing/layOutPane.js";
import { memoryStorage } from "../testing/memoryStorage.js";

beforeAll(preloadPages);
// a page with a size, as in a browser: an opening dialog focuses its first button (see layOutPane)
beforeAll(() => layOutPane());
configure({ asyncUtilTimeout: 30_000 });

/** The texts in `column` of the inserted sheet `sheetKey`, from row 5 on, that `keep` accepts. */
function insertedTexts(
  host: FakeWorkbookHost,
  sheetKey: string,
  column: number,
  keep: (text: string) => boolean,
): string[] {
  const call = host.calls.find((c) => c.method === "insertPlan");
  const plan = call?.method === "insertPlan" ? call.plan : undefined;
  const sheet = plan?.sheets.find((s) => s.key === sheetKey);
  if (!sheet) return [];
  return [...sheet.rows()].flatMap((row) => {
    const text = row.cells.find((c) => c.column === column)?.value;
    return row.row >= 5 && typeof text === "string" && keep(text) ? [text] : [];
  });
}

/** The product codes of the inserted task list. */
const insertedCodes = (host: FakeWorkbookHost) => insertedTexts(host, "tasks", 1, (code) => /^\d+$/.test(code));
/** The theme texts of the inserted PESTEL long form. */
const insertedThemes = (host: FakeWorkbookHost) => insertedTexts(host, "themes", 3, (text) => text !== "");

async function insertWith(choice: string | undefined): Promise<FakeWorkbookHost> {
  const host = new FakeWorkbookHost({ name: "mappe.xlsx", sheets: [] });
  render(<App connect={() => Promise.resolve({ kind: "excel", host })} storage={memoryStorage()} />);
  const group = await screen.findByRole("radiogroup", { name: /Vorausgefüllte Produkte/ });
  expect(group).toBeTruthy();
  const usual = screen.getByRole("radio", { name: "Die üblichen einer kreisangehörigen Gemeinde" });
  expect((usual as HTMLInputElement).checked).toBe(true);
  if (choice) await userEvent.click(screen.getByRole("radio", { name: choice }));
  await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));
  await waitFor(() => expect(host.calls.some((c) => c.method === "insertPlan")).toBe(true));
  return host;
}

beforeEach(() => {
  document.documentElement.lang = "de";
  URL.createObjectURL = vi.fn(() => "blob:ikz-test");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
});

describe("Vorlagen: vorausgefüllte Produkte", () => {
  it("inserts the usual products of a Gemeinde by default", async () => {
    const host = await insertWith(undefined);
    expect(insertedCodes(host)).toEqual(selectedProducts("municipality").map((p) => p.code));
  });

  it("inserts all products of the framework when chosen", async () => {
    const host = await insertWith("Alle des Produktrahmens, auch die des Landkreises");
    expect(insertedCodes(host)).toEqual(productLeaves().map((p) => p.code));
  });
});

const STARTER_LABEL = "Startthemen aus dem Leitfaden einfügen (noch ohne Bewertung)";

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
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: STARTER_LABEL }).disabled).toBe(true);
  });
});
