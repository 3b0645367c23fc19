// @vitest-environment jsdom
/**
 * „Vorlagen“: the choice of the pre-filled products of the task catalogue — the usual ones of a
 * kreisangehörige Gemeinde by default, all of the framework on request.
 */
import { cleanup, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { productLeaves, selectedProducts } from "../../templates/reference/productFramework.js";
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

/** The product codes of the inserted task list. */
function insertedCodes(host: FakeWorkbookHost): string[] {
  const call = host.calls.find((c) => c.method === "insertPlan");
  const plan = call?.method === "insertPlan" ? (call.plan as WorkbookPlan) : undefined;
  const tasks = plan?.sheets.find((s) => s.key === "tasks");
  if (!tasks) return [];
  return [...tasks.rows()].flatMap((row) => {
    const code = row.cells.find((c) => c.column === 1)?.value;
    return row.row >= 5 && typeof code === "string" && /^\d+$/.test(code) ? [code] : [];
  });
}

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
