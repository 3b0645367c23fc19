// @vitest-environment jsdom
/**
 * The task pane as a user meets it, queried by role and name: with a fake Excel host
 * (recording every call) and in file mode with real .xlsx bytes.
 */
import { act, cleanup, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi, beforeAll } from "vitest";
import { writePlanToBuffer } from "../adapters/exceljs/workbookWriter.js";
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import type { SheetSnapshot, SnapshotCell } from "../lib/snapshot/WorkbookSnapshot.js";
import { TEMPLATES } from "../templates/registry.js";
import { App, preloadPages } from "./App.js";
import type { Connection } from "./host/connectHost.js";
import type { HostErrorDescriber } from "./host/describeError.js";
import { FakeOfficeError } from "../adapters/office/testing/fakeExcel.js";
import { OfficeHostError, toOfficeHostError } from "../adapters/office/officeErrors.js";
import { renderOfficeMessage } from "../adapters/office/officeMessages.js";
import { FakeWorkbookHost } from "./host/FakeWorkbookHost.js";
import { snapshotOfSheetPlan } from "./host/snapshotOfPlan.js";
import { LANGUAGE_STORAGE_KEY } from "./useLanguage.js";
import { layOutPane } from "./testing/layOutPane.js";
import { memoryStorage } from "./testing/memoryStorage.js";

// The pages are lazy chunks; load them once so that no test waits for one.
beforeAll(preloadPages);
// a page with a size, as in a browser: an opening dialog focuses its first button (see layOutPane)
beforeAll(() => layOutPane());

// CI machines have 2 cores shared with LibreOffice and Chromium: give async queries room.
configure({ asyncUtilTimeout: 15_000 });

/** The value, or a failed test when it is missing (instead of `!`). */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

const catalogue = present(
  TEMPLATES.find((t) => t.spec.id === "aufgabenkatalog"),
  "task catalogue template",
);

function cataloguePlan(town: string, demo = true): WorkbookPlan {
  return catalogue.plan({ language: "de", town, demo }).plan;
}

function sheetsOf(plan: WorkbookPlan): SheetSnapshot[] {
  return plan.sheets.map(snapshotOfSheetPlan);
}

/** A copy of the sheets with one cell replaced. */
function withCell(
  sheets: readonly SheetSnapshot[],
  sheetName: string,
  row: number,
  column: number,
  cell: SnapshotCell,
): SheetSnapshot[] {
  return sheets.map((sheet) => {
    if (sheet.name !== sheetName) return sheet;
    const rows = sheet.rows.map((r) => (r ? [...r] : r));
    const target = rows[row] ?? [];
    target[column] = cell;
    rows[row] = target;
    return { ...sheet, rows };
  });
}

function renderWithHost(host: FakeWorkbookHost, storage: Storage = memoryStorage()) {
  const connection: Connection = { kind: "excel", host };
  return render(<App connect={() => Promise.resolve(connection)} storage={storage} />);
}

async function openTab(name: string): Promise<void> {
  await userEvent.click(await screen.findByRole("tab", { name }));
}

/** The pane's own language switch (the template page has a second one, for the workbook). */
async function switchLanguage(groupName: string, to: "Deutsch" | "English"): Promise<void> {
  const group = await screen.findByRole("radiogroup", { name: groupName });
  await userEvent.click(within(group).getByRole("radio", { name: to }));
}

beforeEach(() => {
  document.documentElement.lang = "de";
  // jsdom has no object URLs
  URL.createObjectURL = vi.fn(() => "blob:ikz-test");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
});

describe("language", () => {
  it("starts in German, switches to English, remembers it and sets <html lang>", async () => {
    const storage = memoryStorage();
    renderWithHost(new FakeWorkbookHost(), storage);
    expect(await screen.findByRole("tab", { name: "Vorlagen" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Einfügen" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("de");

    await switchLanguage("Sprache", "English");

    expect(screen.getByRole("tab", { name: "Templates" })).toBeTruthy();
    expect(screen.getByRole("radiogroup", { name: "Language" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Insert" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Vorlagen" })).toBeNull();
    expect(document.documentElement.lang).toBe("en");
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe("en");
  });

  it("starts in the remembered language", async () => {
    renderWithHost(new FakeWorkbookHost(), memoryStorage({ [LANGUAGE_STORAGE_KEY]: "en" }));
    expect(await screen.findByRole("tab", { name: "Check" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
  });
});

describe("Vorlagen (Excel)", () => {
  it("inserts the task catalogue with the chosen options", async () => {
    const host = new FakeWorkbookHost();
    renderWithHost(host);
    await userEvent.type(await screen.findByRole("textbox", { name: /Name der Kommune/ }), "Bockau");
    await userEvent.click(screen.getByRole("checkbox", { name: /Beispieldaten/ }));
    await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));

    expect(await screen.findByText(/Eingefügt: So geht’s \(Aufgaben\), Kommune, Kriterien, Aufgaben/)).toBeTruthy();
    const inserts = host.callsOf("insertPlan");
    expect(inserts).toHaveLength(1);
    const insert = present(inserts[0], "insertPlan call");
    expect(insert.replace).toBe(false);
    const plan = insert.plan;
    expect(plan.templateId).toBe("aufgabenkatalog");
    expect(plan.language).toBe("de");
    const expected = cataloguePlan("Bockau");
    expect(plan.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expect(snapshotOfSheetPlan(present(plan.sheets[0], "first sheet"))).toEqual(
      snapshotOfSheetPlan(present(expected.sheets[0], "first sheet")),
    );
  });

  it("offers the cost model and shows only the options it takes", async () => {
    const host = new FakeWorkbookHost();
    renderWithHost(host);
    const select = await screen.findByRole("combobox", { name: "Vorlage" });
    await userEvent.selectOptions(select, "kostenverteilung");
    // the town is the host town (Sitzgemeinde) of the cost model; an own product list does not apply
    expect(screen.getByRole("textbox", { name: /Name der Kommune/ })).toBeTruthy();
    expect(screen.queryByLabelText(/Eigene Produktliste/)).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));
    expect(await screen.findByText(/Eingefügt: /)).toBeTruthy();
    expect(present(host.callsOf("insertPlan")[0], "insertPlan call").plan.templateId).toBe("kostenverteilung");
  });

  it("asks before replacing existing sheets and writes nothing on Abbrechen", async () => {
    const existing = withCell(
      sheetsOf(cataloguePlan("Bockau")).filter((s) => s.name === "Aufgaben"),
      "Aufgaben",
      7,
      2,
      { value: "Meine Daten" },
    );
    // the user's own sheet computes with „Aufgaben“: the dialog says its formulas will show #BEZUG!
    const own = [undefined, [undefined, undefined, { value: 3, formula: 'COUNTIF(Aufgaben!Q5:Q200,"A")' }]];
    const host = new FakeWorkbookHost({
      sheets: [{ name: "Tabelle1", state: "visible", rows: own, merges: [] }, ...existing],
    });
    renderWithHost(host);
    await userEvent.click(await screen.findByRole("button", { name: "Einfügen" }));

    const dialog = await screen.findByRole(
      "alertdialog",
      { name: "Blätter ersetzen?", hidden: true },
      { timeout: 30_000 },
    );
    expect(within(dialog).getByText("Aufgaben")).toBeTruthy();
    expect(within(dialog).getByText(/enthält Daten/)).toBeTruthy();
    expect(within(dialog).getByText(/zeigen ihre Formeln #BEZUG!/)).toBeTruthy();
    expect(within(dialog).getByText("Tabelle1")).toBeTruthy();
    expect(within(dialog).getByText(/1 Zelle, zuerst B1, mit Bezug auf Aufgaben/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Abbrechen", hidden: true }));

    expect(await screen.findByText(/Abgebrochen: Es wurde nichts geändert/)).toBeTruthy();
    expect(host.callsOf("insertPlan")).toHaveLength(0);
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Einfügen" }));
    await userEvent.click(
      within(await screen.findByRole("alertdialog", { hidden: true }, { timeout: 30_000 })).getByRole("button", {
        name: "Ersetzen",
        hidden: true,
      }),
    );
    await screen.findByText(/Eingefügt:/);
    expect(host.callsOf("insertPlan").map((c) => c.replace)).toEqual([true]);
  });

  it("shows a host failure as an error message and stays usable", async () => {
    const host = new FakeWorkbookHost().failOn("insertPlan", new Error("Excel is busy"));
    renderWithHost(host);
    await userEvent.click(await screen.findByRole("button", { name: "Einfügen" }));
    expect(await screen.findByText("Das hat nicht geklappt")).toBeTruthy();
    expect(screen.getByText(/Unerwarteter Fehler: Excel is busy/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Einfügen" }).disabled).toBe(false);
  });

  it("marks the page busy while inserting", async () => {
    const host = new FakeWorkbookHost();
    const release = host.hold("insertPlan");
    renderWithHost(host);
    await userEvent.click(await screen.findByRole("button", { name: "Einfügen" }));
    expect(await screen.findByText("Blätter werden eingefügt …")).toBeTruthy();
    expect(
      screen.getByRole("heading", { name: "Vorlage einfügen" }).closest("section")?.getAttribute("aria-busy"),
    ).toBe("true");
    await act(async () => release());
    await screen.findByText(/Eingefügt:/);
  });
});

describe("Prüfen", () => {
  it("lists problems grouped by sheet; clicking one selects its cell", async () => {
    // F7 = cases per year of the first task: text instead of a number
    const sheets = withCell(sheetsOf(cataloguePlan("Zschorlau")), "Aufgaben", 7, 6, { value: "viel" });
    const host = new FakeWorkbookHost({ sheets });
    renderWithHost(host);
    await openTab("Prüfen");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));

    expect(await screen.findByText(/^1 Fehler · /)).toBeTruthy();
    const group = screen.getByRole("button", { name: /Blatt „Aufgaben“ — 1 Fehler/ });
    expect(group.getAttribute("aria-expanded")).toBe("true");
    const issue = screen.getByRole("button", { name: /Fehler · Zelle F7/ });
    expect(issue.textContent).toMatch(/erwartet: /);
    expect(issue.textContent).toMatch(/gefunden: „viel“/);

    await userEvent.click(issue);
    expect(host.callsOf("selectCell").map((c) => c.ref)).toEqual([{ sheet: "Aufgaben", address: "F7" }]);
    expect(screen.getByRole("button", { name: /Zelle F7 · ausgewählt/ }).getAttribute("aria-current")).toBe("true");

    await userEvent.click(screen.getByRole("switch", { name: "Fehlerhafte Zellen markieren" }));
    expect(host.callsOf("markCells")[0]?.refs).toContainEqual({ sheet: "Aufgaben", address: "F7" });
    expect(await screen.findByText(/Zelle markiert/)).toBeTruthy();
    await userEvent.click(screen.getByRole("switch", { name: "Fehlerhafte Zellen markieren" }));
    expect(host.callsOf("clearMarks")).toHaveLength(1);
  });

  it("re-renders the findings in English after switching", async () => {
    const sheets = withCell(sheetsOf(cataloguePlan("Zschorlau")), "Aufgaben", 7, 6, { value: "viel" });
    renderWithHost(new FakeWorkbookHost({ sheets }));
    await openTab("Prüfen");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));
    await screen.findByText(/^1 Fehler · /);
    await switchLanguage("Sprache", "English");
    expect(screen.getByText(/^1 error · 0 warnings/)).toBeTruthy();
    expect(screen.getByRole("button", { name: /Error · cell F7/ })).toBeTruthy();
  });

  it("says when a workbook is none of ikz-kit's", async () => {
    const host = new FakeWorkbookHost({
      sheets: [{ name: "Tabelle1", state: "visible", rows: [undefined, [undefined, { value: "x" }]], merges: [] }],
    });
    renderWithHost(host);
    await openTab("Prüfen");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));
    expect(await screen.findByText("Die Arbeitsmappe kann nicht geprüft werden.")).toBeTruthy();
    expect(screen.getByText(/nicht mit ikz-kit erstellt/)).toBeTruthy();
  });

  it("shows a failing read as an error", async () => {
    renderWithHost(new FakeWorkbookHost().failOn("readSnapshot", new Error("connection lost")));
    await openTab("Prüfen");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));
    expect(await screen.findByText(/Unerwarteter Fehler: connection lost/)).toBeTruthy();
  });
});

describe("Auswerten", () => {
  it("computes priorities into a table", async () => {
    renderWithHost(new FakeWorkbookHost({ sheets: sheetsOf(cataloguePlan("Zschorlau")) }));
    await openTab("Auswerten");
    await userEvent.click(screen.getByRole("button", { name: "Prioritäten berechnen" }));
    const table = await screen.findByRole("table", { name: /wichtigsten .* Aufgaben – Zschorlau/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(21); // header + 20
    const [header, first] = rows;
    expect(
      within(present(header, "header row"))
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Rang", "Klasse", "Punkte", "Code", "Bezeichnung"]);
    expect(within(present(first, "first row")).getAllByRole("cell")[0]?.textContent).toBe("1");
  });

  it("computes nothing for a workbook with errors and leads to the problems", async () => {
    const sheets = withCell(sheetsOf(cataloguePlan("Zschorlau")), "Aufgaben", 7, 6, { value: "viel" });
    renderWithHost(new FakeWorkbookHost({ sheets }));
    await openTab("Auswerten");
    await userEvent.click(screen.getByRole("button", { name: "Prioritäten berechnen" }));
    expect(await screen.findByText(/enthält 1 Fehler; gerechnet wird erst/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Probleme anzeigen" }));
    expect(screen.getByRole("tab", { name: "Prüfen" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("button", { name: /Zelle F7/ })).toBeTruthy();
  });

  it("says so when no workbook is open (file mode)", async () => {
    render(<App connect={() => Promise.resolve({ kind: "file", reason: "noHost" })} storage={memoryStorage()} />);
    await openTab("Auswerten");
    expect(screen.getAllByText(/Noch keine Arbeitsmappe geöffnet/).length).toBeGreaterThan(0);
  });

  it("imports partner towns and inserts the roadmap as new sheets", async () => {
    const host = new FakeWorkbookHost({ name: "zschorlau.xlsx", sheets: sheetsOf(cataloguePlan("Zschorlau")) });
    renderWithHost(host);
    const files = [
      new File([new Uint8Array(await writePlanToBuffer(cataloguePlan("Bockau")))], "bockau.xlsx"),
      new File([new Uint8Array(await writePlanToBuffer(cataloguePlan("Schönheide")))], "schoenheide.xlsx"),
      new File(["%PDF-1.4 not a workbook"], "protokoll.xlsx"),
      new File([new Uint8Array(await writePlanToBuffer(cataloguePlan("Zschorlau")))], "zschorlau-kopie.xlsx"),
    ];
    await openTab("Auswerten");
    await userEvent.upload(screen.getByLabelText(/Arbeitsmappen der Partnerkommunen/), files);
    await userEvent.click(screen.getByRole("button", { name: "Partnerkommunen importieren" }));

    expect(
      await screen.findByText(/Fahrplan eingefügt: .* von Zschorlau, Bockau, Schönheide\./, {}, { timeout: 30_000 }),
    ).toBeTruthy();
    const statuses = present(screen.getByRole("heading", { name: "Eingelesene Dateien" }).parentElement, "status list");
    expect(within(statuses).getByText(/übernommen: Bockau/)).toBeTruthy();
    expect(within(statuses).getByText(/übernommen: Schönheide/)).toBeTruthy();
    expect(within(statuses).getByText("nicht lesbar")).toBeTruthy();
    expect(within(statuses).getByText(/PDF/)).toBeTruthy();
    expect(within(statuses).getByText(/mehrfach vertreten/)).toBeTruthy();
    const inserts = host.callsOf("insertPlan");
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.plan.templateId).toBe("ikz-fahrplan");
    expect(inserts[0]?.plan.sheets.map((s) => s.name)).toEqual(["Entscheidungsvorlage", "Fahrplan", "Quellen"]);
    expect(host.sheets.map((s) => s.name)).toContain("Fahrplan");
  }, 60_000);

  it("asks before replacing an existing Fahrplan sheet", async () => {
    const host = new FakeWorkbookHost({
      name: "zschorlau.xlsx",
      sheets: [
        ...sheetsOf(cataloguePlan("Zschorlau")),
        { name: "Fahrplan", state: "visible", rows: [undefined, [undefined, { value: "alt" }]], merges: [] },
      ],
    });
    renderWithHost(host);
    await openTab("Auswerten");
    const bockau = new File([new Uint8Array(await writePlanToBuffer(cataloguePlan("Bockau")))], "bockau.xlsx");
    await userEvent.upload(screen.getByLabelText(/Arbeitsmappen der Partnerkommunen/), bockau);
    await userEvent.click(screen.getByRole("button", { name: "Partnerkommunen importieren" }));
    const dialog = await screen.findByRole(
      "alertdialog",
      { name: "Blätter ersetzen?", hidden: true },
      { timeout: 30_000 },
    );
    expect(within(dialog).getByText("Fahrplan")).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Abbrechen", hidden: true }));
    expect(await screen.findByText(/Abgebrochen/)).toBeTruthy();
    expect(host.callsOf("insertPlan")).toHaveLength(0);
  }, 60_000);
});

describe("start-up", () => {
  it("works with files when connecting fails, and says why", async () => {
    render(<App connect={() => Promise.reject(new Error("office.js exploded"))} storage={memoryStorage()} />);
    expect(await screen.findByText(/Unerwarteter Fehler: office.js exploded/)).toBeTruthy();
    expect(screen.getByLabelText("Arbeitsmappe öffnen (.xlsx)")).toBeTruthy();
  });

  it("does not stay in file mode when Excel was not ready: explains in German and connects again", async () => {
    const busy = toOfficeHostError(
      new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", "Workbook.name"),
    );
    const describeOffice: HostErrorDescriber = (error, language) =>
      error instanceof OfficeHostError ? renderOfficeMessage(error.messageKey, language) : undefined;
    const answers: Connection[] = [
      { kind: "unavailable", error: busy, transient: true, describeError: describeOffice },
      { kind: "excel", host: new FakeWorkbookHost() },
    ];
    const connect = vi.fn(() =>
      Promise.resolve(answers.shift() ?? { kind: "file" as const, reason: "noHost" as const }),
    );
    render(<App connect={connect} storage={memoryStorage()} />);
    expect(await screen.findByText(/Excel hat beim Start nicht geantwortet/)).toBeTruthy();
    expect(screen.getByText(/^Excel ist im Bearbeitungsmodus/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Angaben für den Support" }).value).toBe(
      "InvalidOperationInCellEditMode · Excel is in cell-editing mode. (at Workbook.name)",
    );
    await userEvent.click(screen.getByRole("button", { name: "Erneut mit Excel verbinden" }));
    expect(await screen.findByRole("button", { name: "Einfügen" })).toBeTruthy();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(screen.queryByText("Ohne Excel")).toBeNull();
    expect(screen.queryByText(/Bearbeitungsmodus/)).toBeNull();
  });

  it("shows a spinner while connecting", async () => {
    render(<App connect={() => new Promise<Connection>(() => undefined)} storage={memoryStorage()} />);
    expect(await screen.findByText("Verbindung zu Excel wird hergestellt …")).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
  });
});

describe("file mode", () => {
  it("opens a picked workbook, checks it and previews the row of a problem", async () => {
    render(<App connect={() => Promise.resolve({ kind: "file", reason: "noHost" })} storage={memoryStorage()} />);
    expect(await screen.findByText(/in einem normalen Browser geöffnet/)).toBeTruthy();
    const plan = cataloguePlan("Bockau");
    const bytes = await writePlanToBuffer(plan);
    await userEvent.upload(
      screen.getByLabelText("Arbeitsmappe öffnen (.xlsx)"),
      new File([new Uint8Array(bytes)], "bockau.xlsx"),
    );
    expect(await screen.findByText("Geöffnet: bockau.xlsx", {}, { timeout: 20_000 })).toBeTruthy();

    await openTab("Prüfen");
    expect(screen.queryByRole("switch")).toBeNull(); // nothing is marked in a file
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));
    expect(await screen.findByText(/^0 Fehler · /)).toBeTruthy();
  }, 60_000);

  it("creates a template as a download", async () => {
    render(<App connect={() => Promise.resolve({ kind: "file", reason: "noOffice" })} storage={memoryStorage()} />);
    await userEvent.type(await screen.findByRole("textbox", { name: /Name der Kommune/ }), "Stützengrün");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe erstellen" }));
    const link = await screen.findByRole(
      "link",
      { name: "aufgabenkatalog-stuetzengruen.xlsx herunterladen" },
      { timeout: 30_000 },
    );
    expect(link.getAttribute("download")).toBe("aufgabenkatalog-stuetzengruen.xlsx");
    expect(link.getAttribute("href")).toBe("blob:ikz-test");
    await waitFor(() => expect(document.activeElement).toBe(link));
  }, 60_000);

  it("previews the row of a problem instead of selecting it", async () => {
    const host = new FakeWorkbookHost({
      kind: "file",
      name: "bockau.xlsx",
      sheets: withCell(sheetsOf(cataloguePlan("Bockau")), "Aufgaben", 7, 6, { value: "viel" }),
    });
    const fileHost = Object.assign(host, {
      kind: "file" as const,
      fileState: { changed: false, current: undefined, marked: [] },
      subscribe: () => () => undefined,
      toBytes: () => Promise.resolve(new Uint8Array()),
    });
    render(
      <App
        connect={() => Promise.resolve({ kind: "file", reason: "noHost" })}
        openFile={() => Promise.resolve(fileHost)}
        storage={memoryStorage()}
      />,
    );
    await userEvent.upload(await screen.findByLabelText("Arbeitsmappe öffnen (.xlsx)"), new File(["x"], "bockau.xlsx"));
    await screen.findByText("Geöffnet: bockau.xlsx");
    await openTab("Prüfen");
    await userEvent.click(screen.getByRole("button", { name: "Arbeitsmappe prüfen" }));
    await userEvent.click(await screen.findByRole("button", { name: /Zelle F7/ }));
    expect(host.callsOf("selectCell").map((c) => c.ref)).toEqual([{ sheet: "Aufgaben", address: "F7" }]);
    expect(screen.getByRole("heading", { name: "Zeile 7 auf Blatt „Aufgaben“" })).toBeTruthy();
    expect(screen.getByText("F7 (diese Zelle)")).toBeTruthy();
  });

  it("reports an unreadable file", async () => {
    render(<App connect={() => Promise.resolve({ kind: "file", reason: "noHost" })} storage={memoryStorage()} />);
    await userEvent.upload(
      await screen.findByLabelText("Arbeitsmappe öffnen (.xlsx)"),
      new File(["Produkt;Name\n1;a"], "liste.xlsx"),
    );
    expect(
      await screen.findByText(
        /keine .xlsx-Arbeitsmappe, sondern offenbar eine Text- oder CSV-Datei/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
  }, 30_000);
});
