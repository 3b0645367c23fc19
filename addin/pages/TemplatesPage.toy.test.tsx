// @vitest-environment jsdom
/**
 * The template contract's done criterion in the pane: with the toy template added to the list
 * (TemplatesContext, the pane's hand wiring), the Templates page offers it and inserts its sheets.
 */
import { cleanup, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { App, preloadPages } from "../App.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";
import { memoryStorage } from "../testing/memoryStorage.js";
import { TemplatesContext } from "../useTemplates.js";
import { TEMPLATES } from "../../templates/registry.js";
import { toyModule } from "../../test/fixtures/toy-template/module.js";

beforeAll(preloadPages);
configure({ asyncUtilTimeout: 30_000 });

beforeEach(() => {
  document.documentElement.lang = "de";
  URL.createObjectURL = vi.fn(() => "blob:ikz-test");
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe("a toy sixth template in the pane", () => {
  it("is offered on the Templates page and inserted with the town typed", async () => {
    const host = new FakeWorkbookHost({ name: "mappe.xlsx", sheets: [] });
    render(
      <TemplatesContext.Provider value={[...TEMPLATES, toyModule]}>
        <App connect={() => Promise.resolve({ kind: "excel", host })} storage={memoryStorage()} />
      </TemplatesContext.Provider>,
    );
    const select = await screen.findByRole("combobox", { name: "Vorlage" });
    expect(screen.getByRole("option", { name: "Spielzeugvorlage" })).toBeTruthy();
    await userEvent.selectOptions(select, "spielzeug");
    await userEvent.type(screen.getByRole("textbox", { name: /Kommune/ }), "Bockau");
    await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));
    await waitFor(() => expect(host.calls.some((c) => c.method === "insertPlan")).toBe(true));
    const call = host.calls.find((c) => c.method === "insertPlan");
    const plan = call?.method === "insertPlan" ? call.plan : undefined;
    expect(plan?.templateId).toBe("spielzeug");
    expect(plan?.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Spielkommune", "Spieldinge"]));
  });

  it("is not offered without the longer list", async () => {
    const host = new FakeWorkbookHost({ name: "mappe.xlsx", sheets: [] });
    render(<App connect={() => Promise.resolve({ kind: "excel", host })} storage={memoryStorage()} />);
    await screen.findByRole("combobox", { name: "Vorlage" });
    expect(screen.queryByRole("option", { name: "Spielzeugvorlage" })).toBeNull();
  });
});
