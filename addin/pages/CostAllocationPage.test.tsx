// @vitest-environment jsdom
/**
 * „Kostenverteilung“ as a user meets it, queried by role and name: entering towns and items,
 * live findings at the field, the allocation with its completeness check, inserting into the
 * (fake) workbook and computing back from it.
 */
import { cleanup, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi, beforeAll } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import { formatEuros } from "../../lib/allocation/messages.js";
import type { CostModel } from "../../lib/allocation/model.js";
import { snapshotCell } from "../../lib/snapshot/WorkbookSnapshot.js";
import { columnNumber } from "../../lib/cells/address.js";
import { DEMO_COST_MODEL, DEMO_SETTINGS, planCostAllocation } from "../../templates/kostenverteilung/plan.js";
import { HEADER_ROW, SHEET, columnOf, settingsRow } from "../../templates/kostenverteilung/spec.js";
import { App, preloadPages } from "../App.js";
import type { Connection } from "../host/connectHost.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";
import { layOutPane } from "../testing/layOutPane.js";
import { memoryStorage } from "../testing/memoryStorage.js";

// The pages are lazy chunks; load them once so that no test waits for one.
beforeAll(preloadPages);
// a page with a size, as in a browser: an opening dialog focuses its first button (see layOutPane)
beforeAll(() => layOutPane());

// CI machines have 2 cores shared with LibreOffice and Chromium, and the cost plan is large: give async queries room.
configure({ asyncUtilTimeout: 30_000 });

function renderPane(connection: Connection): void {
  render(<App connect={() => Promise.resolve(connection)} storage={memoryStorage()} />);
}

async function openCostTab(): Promise<void> {
  await userEvent.click(await screen.findByRole("tab", { name: "Kostenverteilung" }));
}

const group = (name: RegExp): HTMLElement => screen.getByRole("group", { name });

async function replaceText(input: HTMLElement, text: string): Promise<void> {
  await userEvent.clear(input);
  if (text !== "") await userEvent.type(input, text);
}

/** Puts text into an empty input at once (a paste: one change instead of one per key, quick under load). */
async function enter(input: HTMLElement, text: string): Promise<void> {
  await userEvent.click(input);
  await userEvent.paste(text);
}

/** Enters the single-key model below through the form, as a user would. */
async function enterSmallModel(): Promise<void> {
  await userEvent.click(screen.getByRole("button", { name: "Kommune hinzufügen" }));
  await userEvent.type(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Name" }), "Aue");
  await userEvent.type(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Einwohner" }), "1.000");
  await userEvent.click(screen.getByRole("button", { name: "Kommune hinzufügen" }));
  await userEvent.type(within(group(/^Kommune 2/)).getByRole("textbox", { name: "Name" }), "Bad Schlema");
  await userEvent.type(within(group(/^Kommune 2/)).getByRole("textbox", { name: "Einwohner" }), "3000");
  await userEvent.click(screen.getByRole("button", { name: "Kostenposition hinzufügen" }));
  const item = group(/^Kostenposition 1/);
  await userEvent.type(within(item).getByRole("textbox", { name: "Bezeichnung" }), "Personal");
  await userEvent.selectOptions(within(item).getByRole("combobox", { name: "Verteilungsschlüssel" }), "population");
  await userEvent.type(within(item).getByRole("textbox", { name: "Jahresbetrag (€)" }), "1.000,01");
}

const SMALL_MODEL: CostModel = {
  towns: [
    { name: "Aue", population: 1000, cases: null, workplaces: null, fteShare: null, fixedPercent: null },
    { name: "Bad Schlema", population: 3000, cases: null, workplaces: null, fteShare: null, fixedPercent: null },
  ],
  items: [{ name: "Personal", key: "population", amount: 1000.01 }],
};

/**
 * For queries inside a modal dialog. In jsdom on a loaded machine, tabster's modalizer can leave
 * `aria-hidden` on the dialog's own surface for a while (App.test's dialog tests show the same
 * flake); the browser test checks the real dialog by role without this option.
 */
const JSDOM_MODAL = { hidden: true } as const;

/**
 * Clicks a button once it is enabled: an action's result shows a moment before its button is
 * enabled again, and a click on a disabled button is silently lost.
 */
async function clickWhenEnabled(name: string): Promise<void> {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  await userEvent.click(button);
}

/** The row of a table whose header cell is `name`, as the texts of its cells (no-break spaces as spaces). */
function rowTexts(table: HTMLElement, name: string): string[] {
  const header = within(table).getByRole("rowheader", { name: new RegExp(`^${name}`) });
  const row = header.closest("tr");
  if (!row) throw new Error(`no row ${name}`);
  return [...row.querySelectorAll("td")].map((cell) => cell.textContent.replace(/[\u00A0\u202F]/g, " "));
}

beforeEach(() => {
  document.documentElement.lang = "de";
  URL.createObjectURL = vi.fn(() => "blob:ikz-test");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
});

describe("Kostenverteilung: entering the model", () => {
  it("starts empty, loads the example and shows its allocation with the completeness check ✓", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    expect(screen.getByText(/Noch keine Eingaben/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Beispiel laden" }));

    expect(screen.getByText(/erfundenen Zahlen/)).toBeTruthy();
    expect(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Name" })).toHaveProperty("value", "Zschorlau");
    const expected = allocateCosts({
      ...DEMO_COST_MODEL,
      towns: DEMO_COST_MODEL.towns.map(({ actual: _actual, ...town }) => town),
      items: DEMO_COST_MODEL.items.map(({ actualAmount: _actualAmount, ...item }) => item),
    });
    const totals = screen.getByRole("table", { name: "Jahresanteil je Kommune" });
    const first = expected.totals[0];
    expect(rowTexts(totals, "Zschorlau")[0]).toBe(formatEuros(first?.cents, "de"));
    expect(screen.getByText(/^✓ Jede Position ist vollständig verteilt/)).toBeTruthy();
    expect(screen.getByRole("table", { name: "Abschläge je Quartal" })).toBeTruthy();
    expect(
      screen.getByRole("region", { name: /Anteile je Kostenposition und Kommune \(seitlich scrollbar\)/ }).tabIndex,
    ).toBe(0);
  });

  it("recomputes when a town's key value or an item's amount changes", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();

    const totals = (): HTMLElement => screen.getByRole("table", { name: "Jahresanteil je Kommune" });
    // 1.000,01 € by 1000 : 3000 inhabitants; the odd cent goes to the larger remainder
    expect(rowTexts(totals(), "Aue")).toEqual(["250,00 €", "25,0 %"]);
    expect(rowTexts(totals(), "Bad Schlema")).toEqual(["750,01 €", "75,0 %"]);

    await replaceText(within(group(/^Kommune 2/)).getByRole("textbox", { name: "Einwohner" }), "1000");
    expect(rowTexts(totals(), "Aue")).toEqual(["500,01 €", "50,0 %"]);
    expect(rowTexts(totals(), "Bad Schlema")).toEqual(["500,00 €", "50,0 %"]);

    await replaceText(
      within(group(/^Kostenposition 1/)).getByRole("textbox", { name: "Jahresbetrag (€)" }),
      "12.345,67",
    );
    expect(rowTexts(totals(), "Aue")).toEqual(["6.172,84 €", "50,0 %"]);
    const matrix = screen.getByRole("table", { name: "Anteile je Kostenposition und Kommune" });
    expect(rowTexts(matrix, "Personal")).toEqual(["6.172,84 €", "6.172,83 €", "12.345,67 €"]);
    expect(screen.getByText(/^✓ Jede Position ist vollständig verteilt: bei der einen Position/)).toBeTruthy();
  });

  it("shows the weights only for a mixed key and the fee instead of the amount for a flat fee", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();
    const item = group(/^Kostenposition 1/);
    expect(within(item).queryByRole("group", { name: /Gewichte/ })).toBeNull();
    await userEvent.selectOptions(within(item).getByRole("combobox", { name: "Verteilungsschlüssel" }), "mixed");
    const weights = within(item).getByRole("group", { name: /Gewichte des Mischschlüssels/ });
    expect(
      within(weights)
        .getAllByRole("textbox")
        .map((input) => input.getAttribute("aria-labelledby") !== null || input.id !== ""),
    ).toHaveLength(5);
    await userEvent.type(within(weights).getByRole("textbox", { name: "Gleichverteilung (%)" }), "30 %");
    await userEvent.type(within(weights).getByRole("textbox", { name: "Einwohner (%)" }), "70");
    expect(screen.getByText(/^✓ Jede Position/)).toBeTruthy();

    await userEvent.selectOptions(
      within(item).getByRole("combobox", { name: "Verteilungsschlüssel" }),
      "flatFeePerCase",
    );
    expect(within(item).queryByRole("textbox", { name: "Jahresbetrag (€)" })).toBeNull();
    expect(within(item).getByRole("textbox", { name: "Pauschale je Fall (€)" })).toBeTruthy();
  });

  it("names the field of an invalid amount, marks it and puts the cursor there on a click", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();
    await userEvent.click(screen.getByRole("button", { name: "Kostenposition hinzufügen" }));
    const second = group(/^Kostenposition 2/);
    await userEvent.type(within(second).getByRole("textbox", { name: "Bezeichnung" }), "Sachkosten");
    const amount = within(second).getByRole("textbox", { name: "Jahresbetrag (€)" });
    await userEvent.type(amount, "12,3,4");

    const finding = screen.getByRole("button", { name: /Kostenposition 2 › Jahresbetrag \(€\)/ });
    expect(finding.textContent).toContain("Fehler");
    expect(finding.textContent).toContain("„12,3,4“ ist keine Zahl");
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText(/Die Verteilung erscheint, sobald die Eingaben keine Fehler mehr enthalten \(noch 1 Fehler\)/),
    ).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Jahresanteil je Kommune" })).toBeNull();

    await userEvent.click(finding);
    expect(document.activeElement).toBe(amount);

    await replaceText(amount, "-5");
    expect(screen.getByRole("button", { name: /Kostenposition 2 › Jahresbetrag \(€\)/ }).textContent).toContain(
      "nicht negativ",
    );
  });

  it("removes a town and moves the focus to „Kommune hinzufügen“", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();
    await userEvent.click(screen.getByRole("button", { name: "Kommune 2 „Bad Schlema“ entfernen" }));
    expect(screen.queryByRole("group", { name: /Bad Schlema/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kommune hinzufügen" }));
    expect(rowTexts(screen.getByRole("table", { name: "Jahresanteil je Kommune" }), "Aue")).toEqual([
      "1.000,01 €",
      "100,0 %",
    ]);
  });

  it("replaces or clears the entries at once and offers to undo it", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    expect(screen.getByRole("button", { name: "Alle Eingaben leeren" }).getAttribute("aria-disabled")).toBe("true");
    await enterSmallModel();

    await userEvent.click(screen.getByRole("button", { name: "Beispiel laden" }));
    expect(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Name" })).toHaveProperty("value", "Zschorlau");
    await userEvent.click(screen.getByRole("button", { name: "Rückgängig" }));
    expect(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Name" })).toHaveProperty("value", "Aue");
    expect(document.activeElement).toBe(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Name" }));
    expect(screen.queryByText(/erfundenen Zahlen/)).toBeNull();

    const clear = screen.getByRole("button", { name: "Alle Eingaben leeren" });
    await userEvent.click(clear);
    expect(screen.getByText("Alle Eingaben wurden geleert.")).toBeTruthy();
    expect(screen.queryByRole("group", { name: /^Kommune 1/ })).toBeNull();
    expect(clear.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(clear);
    await userEvent.click(screen.getByRole("button", { name: "Rückgängig" }));
    expect(within(group(/^Kostenposition 1/)).getByRole("textbox", { name: "Bezeichnung" })).toHaveProperty(
      "value",
      "Personal",
    );

    // after an edit, undoing would lose it: the offer goes
    await userEvent.click(screen.getByRole("button", { name: "Beispiel laden" }));
    await userEvent.type(within(group(/^Kommune 1/)).getByRole("textbox", { name: "Einwohner" }), "1");
    expect(screen.queryByRole("button", { name: "Rückgängig" })).toBeNull();
    expect(screen.getByText(/erfundenen Zahlen/)).toBeTruthy();
  });

  it("asks for the joint unit, the year, the Stichtag and the actual values, and shows the true-up from them", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();
    const settings = screen.getByRole("region", { name: "Gemeinsame Stelle und Haushaltsjahr" });
    await enter(within(settings).getByRole("textbox", { name: /^Gemeinsame Stelle/ }), "Vergabestelle");
    const year = within(settings).getByRole("textbox", { name: "Haushaltsjahr" });
    await enter(year, "2.027");
    const finding = screen.getByRole("button", { name: /Gemeinsame Stelle und Haushaltsjahr › Haushaltsjahr/ });
    expect(finding.textContent).toContain("„2.027“ ist kein Haushaltsjahr");
    await userEvent.click(finding);
    expect(document.activeElement).toBe(year);
    await replaceText(year, "2027");
    expect(screen.queryByRole("button", { name: /› Haushaltsjahr/ })).toBeNull();
    // the advances are due on the annex's default days of the year, or on the day typed
    const dueDates = within(settings).getByRole("group", { name: "Fälligkeiten der Abschläge" });
    await enter(within(dueDates).getByRole("textbox", { name: /^Fälligkeit 2\. Abschlag/ }), "1.6.2027");
    const advances = screen.getByRole("table", { name: "Abschläge je Quartal" });
    expect(within(advances).getByRole("columnheader", { name: "Q1 fällig 15.02.2027" })).toBeTruthy();
    expect(within(advances).getByRole("columnheader", { name: "Q2 fällig 01.06.2027" })).toBeTruthy();

    const aue = group(/^Kommune 1/);
    await enter(within(aue).getByRole("textbox", { name: /^Stichtag Einwohner/ }), "31.12.2025");
    const actuals = within(aue).getByRole("group", { name: /^Ist-Werte für die Spitzabrechnung/ });
    // no actual value yet: no true-up
    expect(screen.queryByRole("table", { name: "Spitzabrechnung: Ist-Anteil gegen Abschläge" })).toBeNull();
    await enter(within(actuals).getByRole("textbox", { name: "Ist: Einwohner" }), "2000");
    // 1.000,01 € by 1000 : 3000 planned, by 2000 : 3000 actual inhabitants
    const trueUp = await screen.findByRole("table", { name: "Spitzabrechnung: Ist-Anteil gegen Abschläge" });
    expect(rowTexts(trueUp, "Aue")).toEqual(["250,00 €", "400,00 €", "Nachzahlung 150,00 €"]);
    expect(rowTexts(trueUp, "Bad Schlema")).toEqual(["750,01 €", "600,01 €", "Erstattung 150,00 €"]);
    expect(screen.getByText(/Das gilt auch für die Neuberechnung mit den Ist-Werten\.$/)).toBeTruthy();
  });

  it("loads the example with its joint unit, year, Stichtage and actual values", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await userEvent.click(screen.getByRole("button", { name: "Beispiel laden" }));
    const settings = screen.getByRole("region", { name: "Gemeinsame Stelle und Haushaltsjahr" });
    expect(within(settings).getByRole("textbox", { name: /^Gemeinsame Stelle/ })).toHaveProperty(
      "value",
      DEMO_SETTINGS.unitName,
    );
    expect(within(settings).getByRole("textbox", { name: "Haushaltsjahr" })).toHaveProperty("value", "2027");
    const bockau = group(/^Kommune 4/);
    const [year, month, day] = (DEMO_SETTINGS.populationDate?.toISOString() ?? "").slice(0, 10).split("-");
    expect(within(bockau).getByRole("textbox", { name: /^Stichtag Einwohner/ })).toHaveProperty(
      "value",
      `${day ?? ""}.${month ?? ""}.${year ?? ""}`,
    );
    expect(within(bockau).getByRole("textbox", { name: "Ist: Fallzahlen" })).toHaveProperty("value", "149");
    expect(within(group(/^Kostenposition 1/)).getByRole("textbox", { name: /^Ist: Jahresbetrag/ })).toHaveProperty(
      "value",
      "151.230,40",
    );
    const trueUp = screen.getByRole("table", { name: "Spitzabrechnung: Ist-Anteil gegen Abschläge" });
    const expected = allocateCosts(DEMO_COST_MODEL).trueUp?.find((row) => row.town === "Bockau");
    expect(rowTexts(trueUp, "Bockau").slice(0, 2)).toEqual([
      formatEuros(expected?.planCents, "de").replace(/[\u00A0\u202F]/g, " "),
      formatEuros(expected?.actualCents, "de").replace(/[\u00A0\u202F]/g, " "),
    ]);
  });

  it("speaks English after switching", async () => {
    renderPane({ kind: "excel", host: new FakeWorkbookHost() });
    await openCostTab();
    await enterSmallModel();
    const languages = screen.getAllByRole("radiogroup", { name: "Sprache" })[0];
    if (!languages) throw new Error("no language switch");
    await userEvent.click(within(languages).getByRole("radio", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Cost allocation" })).toBeTruthy();
    expect(rowTexts(screen.getByRole("table", { name: "Annual share per town" }), "Aue")).toEqual(["€250.00", "25.0%"]);
    expect(screen.getByText(/^✓ Every item sums to its amount/)).toBeTruthy();
  });
});

describe("Kostenverteilung: the workbook", () => {
  it("inserts the planned sheets, asks before replacing them, and computes back what was inserted ✓", async () => {
    const host = new FakeWorkbookHost();
    renderPane({ kind: "excel", host });
    await openCostTab();
    await enterSmallModel();
    await enter(screen.getByRole("textbox", { name: /^Gemeinsame Stelle/ }), "Vergabestelle");
    await enter(screen.getByRole("textbox", { name: "Haushaltsjahr" }), "2027");
    await enter(within(group(/^Kommune 1/)).getByRole("textbox", { name: /^Stichtag Einwohner/ }), "31.12.2025");

    await clickWhenEnabled("In Arbeitsmappe einfügen");
    expect(await screen.findByText(/^Eingefügt: /)).toBeTruthy();
    const inserts = host.callsOf("insertPlan");
    expect(inserts).toHaveLength(1);
    const expected = planCostAllocation({ language: "de", model: SMALL_MODEL }).plan;
    expect(inserts[0]?.plan.templateId).toBe("kostenverteilung");
    expect(inserts[0]?.plan.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expect(inserts[0]?.replace).toBe(false);
    expect(host.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));

    // again: the sheets exist now — „Abbrechen“ writes nothing
    await clickWhenEnabled("In Arbeitsmappe einfügen");
    const dialog = await screen.findByRole(
      "alertdialog",
      { name: "Blätter ersetzen?", ...JSDOM_MODAL },
      { timeout: 30_000 },
    );
    expect(within(dialog).getByText(expected.sheets[0]?.name ?? "?")).toBeTruthy();
    await userEvent.click(await within(dialog).findByRole("button", { name: "Abbrechen", ...JSDOM_MODAL }));
    expect(await screen.findByText(/Abgebrochen/)).toBeTruthy();
    expect(host.callsOf("insertPlan")).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole("alertdialog", JSDOM_MODAL)).toBeNull());
    // „Ersetzen“ replaces them
    await clickWhenEnabled("In Arbeitsmappe einfügen");
    const again = await screen.findByRole(
      "alertdialog",
      { name: "Blätter ersetzen?", ...JSDOM_MODAL },
      { timeout: 30_000 },
    );
    await userEvent.click(await within(again).findByRole("button", { name: "Ersetzen", ...JSDOM_MODAL }));
    await waitFor(() => expect(host.callsOf("insertPlan")).toHaveLength(2));
    expect(host.callsOf("insertPlan")[1]?.replace).toBe(true);

    await clickWhenEnabled("Aus Arbeitsmappe berechnen");
    const heading = await screen.findByRole("heading", { name: "Verteilung laut Arbeitsmappe Mappe1.xlsx" });
    // what the form asked besides the model is in the workbook too
    const snapshot = await host.readSnapshot();
    const sheetOf = (name: string) => snapshot.sheets.find((sheet) => sheet.name === name);
    const grunddaten = sheetOf("Grunddaten");
    if (!grunddaten) throw new Error("no Grunddaten");
    expect(snapshotCell(grunddaten, settingsRow("unitName"), 2)?.value).toBe("Vergabestelle");
    expect(snapshotCell(grunddaten, settingsRow("year"), 2)?.value).toBe(2027);
    const towns = sheetOf("Kommunen");
    if (!towns) throw new Error("no Kommunen");
    const date = snapshotCell(
      towns,
      HEADER_ROW.towns + 1,
      columnNumber(columnOf(SHEET.towns, "populationDate")),
    )?.value;
    expect(date instanceof Date ? date.toISOString().slice(0, 10) : date).toBe("2025-12-31");
    const result = heading.parentElement;
    if (!result) throw new Error("no result");
    expect(within(result).getByText(/^✓ Jede Position ist vollständig verteilt/)).toBeTruthy();
    expect(
      rowTexts(
        within(result).getByRole("table", { name: "Jahresanteil je Kommune – laut Arbeitsmappe" }),
        "Bad Schlema",
      ),
    ).toEqual(["750,01 €", "75,0 %"]);
  });

  it("shows the year-end true-up in words when the workbook holds actual values", async () => {
    const model: CostModel = {
      towns: [
        { name: "Aue", population: 1000, actual: { population: 2000 } },
        { name: "Bad Schlema", population: 3000 },
      ],
      items: [{ name: "Personal", key: "population", amount: 1000 }],
    };
    const host = new FakeWorkbookHost();
    await host.insertPlan(planCostAllocation({ language: "de", model }).plan, { replace: false });
    renderPane({ kind: "excel", host });
    await openCostTab();
    await clickWhenEnabled("Aus Arbeitsmappe berechnen");
    const trueUp = await screen.findByRole("table", {
      name: "Spitzabrechnung: Ist-Anteil gegen Abschläge – laut Arbeitsmappe",
    });
    expect(rowTexts(trueUp, "Aue")).toEqual(["250,00 €", "400,00 €", "Nachzahlung 150,00 €"]);
    expect(rowTexts(trueUp, "Bad Schlema")).toEqual(["750,00 €", "600,00 €", "Erstattung 150,00 €"]);
    expect(screen.getByText(/Das gilt auch für die Neuberechnung mit den Ist-Werten\.$/)).toBeTruthy();
  });

  it("inserts nothing while the entries have errors", async () => {
    const host = new FakeWorkbookHost();
    renderPane({ kind: "excel", host });
    await openCostTab();
    await enterSmallModel();
    await replaceText(within(group(/^Kostenposition 1/)).getByRole("textbox", { name: "Jahresbetrag (€)" }), "viel");
    await clickWhenEnabled("In Arbeitsmappe einfügen");
    expect(await screen.findByText(/Die Eingaben enthalten 1 Fehler/)).toBeTruthy();
    expect(host.callsOf("insertPlan")).toHaveLength(0);
  });

  it("prepares more rows on request, and refuses a count below the default with its limits", async () => {
    const host = new FakeWorkbookHost();
    renderPane({ kind: "excel", host });
    await openCostTab();
    await enterSmallModel();
    const towns = screen.getByRole("textbox", { name: /^Vorbereitete Zeilen: Kommunen/ });
    await replaceText(towns, "5");
    expect(await screen.findByText("Eine ganze Zahl von 12 bis 200.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "In Arbeitsmappe einfügen" }).hasAttribute("disabled")).toBe(true);
    await replaceText(towns, "20");
    await replaceText(screen.getByRole("textbox", { name: /^Vorbereitete Zeilen: Kostenpositionen/ }), "60");
    await clickWhenEnabled("In Arbeitsmappe einfügen");
    expect(await screen.findByText(/^Eingefügt: /)).toBeTruthy();
    const plan = host.callsOf("insertPlan")[0]?.plan;
    const metadata = plan?.sheets.find((sheet) => sheet.name === "_ikz_kostenverteilung");
    const layout = [...(metadata?.rows() ?? [])].find((row) => row.cells[0]?.value === "layout")?.cells[1]?.value;
    expect(layout).toContain("towns=20");
    expect(layout).toContain("items=60");
  });

  it("says when the workbook is no cost allocation", async () => {
    renderPane({
      kind: "excel",
      host: new FakeWorkbookHost({ sheets: [{ name: "Tabelle1", state: "visible", rows: [], merges: [] }] }),
    });
    await openCostTab();
    await clickWhenEnabled("Aus Arbeitsmappe berechnen");
    expect(await screen.findByText(/keine Kostenverteilung von ikz-kit/)).toBeTruthy();
  });

  it("computes nothing for a workbook with errors and leads to the problems", async () => {
    const model: CostModel = {
      towns: [{ name: "Aue", population: 10 }, { name: "Bad Schlema" }],
      items: [{ name: "Personal", key: "population", amount: 100 }],
    };
    const host = new FakeWorkbookHost();
    await host.insertPlan(planCostAllocation({ language: "de", model }).plan, { replace: false });
    renderPane({ kind: "excel", host });
    await openCostTab();
    await clickWhenEnabled("Aus Arbeitsmappe berechnen");
    expect(await screen.findByText(/Die Arbeitsmappe enthält 1 Fehler/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Probleme anzeigen" }));
    expect(await screen.findByRole("tab", { name: "Prüfen", selected: true })).toBeTruthy();
  });

  it("without a workbook creates a new file to download", async () => {
    renderPane({ kind: "file", reason: "noOffice" });
    await openCostTab();
    expect(screen.queryByRole("button", { name: "Aus Arbeitsmappe berechnen" })).toBeNull();
    await enterSmallModel();
    await userEvent.click(screen.getByRole("button", { name: "Als neue Arbeitsmappe erstellen" }));
    const link = await screen.findByRole("link", { name: "kostenverteilung.xlsx herunterladen" }, { timeout: 30_000 });
    expect(link.getAttribute("href")).toBe("blob:ikz-test");
  }, 60_000);
});
