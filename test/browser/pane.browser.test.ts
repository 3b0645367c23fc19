/// <reference lib="dom" />
/**
 * The task pane in a real browser (Debian's chromium, driven by playwright-core): the production
 * build served on 127.0.0.1, file mode on a demo workbook — open, check, see the issues, compute
 * priorities, download — in German and English, with screenshots for docs/, axe-core on every
 * page, and proof that the page makes no request outside this machine.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePlanToBuffer } from "../../adapters/exceljs/workbookWriter.js";
import { fileSlug } from "../../cli/commands/demo.js";
import { runCli } from "../../cli/ikz.js";
import { DEMO_TOWNS } from "../../templates/aufgabenkatalog/demo.js";
import { findTemplate } from "../../templates/registry.js";
import { localScripts, syntaxProblem, syntaxTarget } from "../support/bundleSyntax.js";
import { sharedPaneBuild } from "../support/paneBuild.js";
import { serveStatic, type StaticServer } from "../support/staticServer.js";
import { launchQuietChromium } from "../../packaging/pictures.js";

const CHROMIUM = process.env["IKZ_CHROMIUM"] ?? "/usr/bin/chromium";
const PARTNERS_EN = "Partner towns' workbooks (.xlsx, several allowed)";
const ROOT = resolve(import.meta.dirname, "../..");
const SCREENSHOTS = join(ROOT, "docs", "screenshots");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let dir = "";
let paneDir = "";
let server: StaticServer;
let browser: Browser;
let demo = "";
let broken = "";
const partners: string[] = [];
const outside: string[] = [];

async function openPane(language: "de" | "en", width = 420): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: language === "de" ? "de-DE" : "en-GB",
    acceptDownloads: true,
  });
  await context.addInitScript((lang) => window.localStorage.setItem("ikz-kit.language", lang), language);
  const page = await context.newPage();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "127.0.0.1")
      outside.push(request.url());
  });
  await page.goto(`${server.url}/taskpane.html`);
  return page;
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // axe-core is served from the pane's own origin, so the page's Content-Security-Policy stays on.
  // office.js (loaded in file mode too) tries to frame Microsoft's telemetry page; the policy blocks
  // it, and Chromium may report that refusal while the script tag loads: then load it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.addScriptTag({ url: "/test-only-axe.min.js" });
      break;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("Content Security Policy")) throw error;
      await page.waitForTimeout(250);
    }
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    // Tabster's focus guards (<i data-tabster-dummy tabindex=0 aria-hidden>) are a documented
    // false positive of aria-hidden-focus (microsoft/tabster#288; Accessibility Insights
    // suppresses them too): excluded by that attribute only, every other node is checked.
    const result = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } },
    );
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  expect(violations, label).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One production build per run, shared with the release test (test/support/paneBuild.ts). */
const builtPaneDir = sharedPaneBuild;

describe("the production bundle parses under the preflight's promise (test/support/bundleSyntax.ts)", () => {
  it("preflight.js first, then the initial chunks; each chunk parses at SYNTAX_TARGET; preflight.js is ES5", async () => {
    const out = await builtPaneDir();
    const version = await syntaxTarget();
    expect(version).toBeLessThan(2022); // no class fields, no static blocks (Safari before 16.4)
    const scripts = localScripts(await readFile(join(out, "taskpane.html"), "utf8"));
    expect(scripts[0]).toBe("preflight.js");
    const initial = scripts.slice(1);
    expect(initial.some((file) => file.startsWith("taskpane."))).toBe(true);
    expect(initial.some((file) => file.startsWith("vendors."))).toBe(true);
    const lazy = (await readdir(out)).filter(
      (file) =>
        file.endsWith(".js") && file !== "preflight.js" && !file.startsWith("test-only-") && !initial.includes(file),
    );
    expect(lazy.length).toBeGreaterThan(3);
    expect(lazy.some((file) => file.startsWith("exceljs."))).toBe(true);
    const problems = await Promise.all([...initial, ...lazy].map((file) => syntaxProblem(out, file, version)));
    expect(problems.filter((problem) => problem !== undefined)).toEqual([]);
    // Internet Explorer must be able to run the preflight that turns it away
    expect(await syntaxProblem(out, "preflight.js", 5)).toBeUndefined();
    // the first test to need the pane build waits for it (≈ 50 s, minutes on a loaded machine)
  }, 900_000);
});

describe.skipIf(process.env["IKZ_SKIP_BROWSER"] === "1")("task pane in a real browser (file mode)", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set IKZ_CHROMIUM; IKZ_SKIP_BROWSER=1 skips these tests knowingly.`,
      );
    }
    dir = await mkdtemp(join(tmpdir(), "ikz-browser-"));
    await mkdir(SCREENSHOTS, { recursive: true });
    const quiet = { stdout: () => undefined, stderr: () => undefined };
    demo = join(dir, "aufgabenkatalog-zschorlau.xlsx");
    expect(await runCli(["template", "aufgabenkatalog", "--demo", "--town", "Zschorlau", "--out", demo], quiet)).toBe(
      0,
    );
    for (const town of ["Bockau", "Schönheide"]) {
      const file = join(dir, `partner-${partners.length}.xlsx`);
      expect(await runCli(["template", "aufgabenkatalog", "--demo", "--town", town, "--out", file], quiet)).toBe(0);
      partners.push(file);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(demo);
    workbook.getWorksheet("Aufgaben")!.getCell("E6").value = "0,75";
    workbook.getWorksheet("Aufgaben")!.getCell("J8").value = 5;
    broken = join(dir, "aufgabenkatalog-fehler.xlsx");
    await workbook.xlsx.writeFile(broken);
    paneDir = await builtPaneDir();
    await writeFile(join(paneDir, "test-only-axe.min.js"), await readFile(axePath));
    server = await serveStatic(paneDir);
    browser = await launchQuietChromium(CHROMIUM);
    // waits for the shared pane build when another test file started it
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const language of ["de", "en"] as const) {
    const t =
      language === "de"
        ? {
            open: "Arbeitsmappe öffnen (.xlsx)",
            check: "Prüfen",
            checkButton: "Arbeitsmappe prüfen",
            evaluate: "Auswerten",
            priorities: "Prioritäten berechnen",
            templates: "Vorlagen",
            create: "Arbeitsmappe erstellen",
            errors: /2 Fehler/,
            sheet: "Blatt „Aufgaben“",
            opened: (file: string) => `Geöffnet: ${file}`,
            downloadChanged: "Geänderte Arbeitsmappe herunterladen",
            partners: "Arbeitsmappen der Partnerkommunen (.xlsx, mehrere möglich)",
            importPartners: "Partnerkommunen importieren",
            roadmapInserted: /Fahrplan eingefügt/,
          }
        : {
            open: "Open workbook (.xlsx)",
            check: "Check",
            checkButton: "Check workbook",
            evaluate: "Evaluate",
            priorities: "Compute priorities",
            templates: "Templates",
            create: "Create workbook",
            errors: /2 errors/,
            sheet: "Sheet “Aufgaben”",
            opened: (file: string) => `Open: ${file}`,
            downloadChanged: "Download the changed workbook",
            partners: PARTNERS_EN,
            importPartners: "Import partner towns",
            roadmapInserted: /Roadmap inserted/i,
          };

    it(`${language}: creates a template file, checks a workbook, shows its issues, computes priorities, downloads`, async () => {
      const page = await openPane(language);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(language);
      await page.getByRole("tab", { name: t.templates }).waitFor();
      await shoot(page, `pane-vorlagen-${language}`);
      await expectNoAxeViolations(page, "templates page");

      await page.getByRole("button", { name: t.create }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: /\.xlsx/ }).click(),
      ]);
      const saved = join(dir, `created-${language}.xlsx`);
      await download.saveAs(saved);
      expect((await readFile(saved)).subarray(0, 2).toString()).toBe("PK");

      await page.getByLabel(t.open).setInputFiles(broken);
      await page.getByText(t.opened("aufgabenkatalog-fehler.xlsx")).waitFor();
      await page.getByRole("tab", { name: t.check }).click();
      await page.getByRole("button", { name: t.checkButton }).click();
      await expect.poll(async () => page.getByText(t.errors).count()).toBeGreaterThan(0);
      await expect.poll(async () => page.getByText(t.sheet).count()).toBeGreaterThan(0);
      const issue = page.getByRole("button", { name: /E6/ }).first();
      await issue.click();
      await shoot(page, `pane-pruefen-${language}`);
      await expectNoAxeViolations(page, "check page with issues");

      await page.getByLabel(t.open).setInputFiles(demo);
      await page.getByText(t.opened("aufgabenkatalog-zschorlau.xlsx")).waitFor();
      await page.getByRole("tab", { name: t.evaluate }).click();
      await page.getByRole("button", { name: t.priorities }).click();
      await expect.poll(async () => page.getByRole("table").getByRole("row").count()).toBeGreaterThan(5);
      await shoot(page, `pane-auswerten-${language}`);
      await expectNoAxeViolations(page, "evaluate page with priorities");

      // partner towns: read in the browser, the roadmap written into the open workbook
      await page.getByLabel(t.partners).setInputFiles(partners);
      await page.getByRole("button", { name: t.importPartners }).click();
      await expect.poll(async () => page.getByText(t.roadmapInserted).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await shoot(page, `pane-fahrplan-${language}`);
      await expectNoAxeViolations(page, "evaluate page after the import");

      // the changed workbook, offered as a download, opens and still validates
      await page.getByRole("button", { name: t.downloadChanged }).click();
      const [changed] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: /zschorlau.*\.xlsx/i }).click(),
      ]);
      const changedFile = join(dir, `changed-${language}.xlsx`);
      await changed.saveAs(changedFile);
      expect(await runCli(["validate", changedFile], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
      await page.context().close();
    });
  }

  for (const language of ["de", "en"] as const) {
    const t =
      language === "de"
        ? {
            open: "Arbeitsmappe öffnen (.xlsx)",
            opened: "Geöffnet: leer.xlsx",
            tab: "Kostenverteilung",
            demo: "Beispiel laden",
            insert: "In Arbeitsmappe einfügen",
            inserted: /^Eingefügt: /,
            compute: "Aus Arbeitsmappe berechnen",
            fromWorkbook: "Verteilung laut Arbeitsmappe leer.xlsx",
            complete: /^✓ Jede Position ist vollständig verteilt/,
            totals: "Jahresanteil je Kommune",
            workbook: "Arbeitsmappe",
            replaceTitle: "Blätter ersetzen?",
            cancel: "Abbrechen",
            cancelled: /^Abgebrochen/,
            downloadChanged: "Geänderte Arbeitsmappe herunterladen",
          }
        : {
            open: "Open workbook (.xlsx)",
            opened: "Open: leer.xlsx",
            tab: "Cost allocation",
            demo: "Load example",
            insert: "Insert into workbook",
            inserted: /^Inserted: /,
            compute: "Compute from workbook",
            fromWorkbook: "Allocation according to the workbook leer.xlsx",
            complete: /^✓ Every item sums to its amount/,
            totals: "Annual share per town",
            workbook: "Workbook",
            replaceTitle: "Replace sheets?",
            cancel: "Cancel",
            cancelled: /^Cancelled/,
            downloadChanged: "Download the changed workbook",
          };

    it(`${language}: cost allocation at pane width — example, axe, inserted by keyboard alone, asks before replacing, computed back from the workbook`, async () => {
      // a blank workbook of the user's own, into which the cost model is inserted
      await mkdir(join(dir, language), { recursive: true });
      const named = join(dir, language, "leer.xlsx");
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet(language === "de" ? "Tabelle1" : "Sheet1");
      await workbook.xlsx.writeFile(named);

      const page = await openPane(language, 340);
      await page.getByLabel(t.open).setInputFiles(named);
      await page.getByText(t.opened).waitFor();
      await page.getByRole("tab", { name: t.tab }).click();
      await page.getByRole("button", { name: t.demo }).click();
      await page.getByRole("table", { name: t.totals }).first().waitFor();
      await expect.poll(async () => page.getByText(t.complete).count()).toBe(1);
      // nothing wider than the pane except the tables' own scroll regions
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(340);
      await expectNoAxeViolations(page, "cost allocation with the example");
      // the page is long (4 towns, 7 items): the form as the pane first shows it, the result below
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `pane-kostenverteilung-${language}.png`) });

      // keyboard alone: from the tab to „In Arbeitsmappe einfügen“, then Enter
      await page.getByRole("tab", { name: t.tab }).focus();
      const visited: string[] = [];
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(
          () => `${document.activeElement?.tagName ?? ""}:${document.activeElement?.textContent ?? ""}`,
        );
        visited.push(focused);
        if (focused === `BUTTON:${t.insert}`) break;
      }
      expect(visited.at(-1), visited.join(" | ")).toBe(`BUTTON:${t.insert}`);
      await page.keyboard.press("Enter");
      await expect.poll(async () => page.getByText(t.inserted).count(), { timeout: 60_000 }).toBeGreaterThan(0);

      await page.getByRole("button", { name: t.compute }).click();
      await page.getByRole("heading", { name: t.fromWorkbook }).waitFor();
      await expect.poll(async () => page.getByText(t.complete).count()).toBe(2);
      await page
        .getByRole("region", { name: t.workbook, exact: true })
        .screenshot({ path: join(SCREENSHOTS, `pane-kostenverteilung-berechnet-${language}.png`) });
      await expectNoAxeViolations(page, "cost allocation computed from the workbook");

      // again: the sheets exist now — the pane asks, by an accessible dialog, and „Abbrechen“ changes nothing
      await page.getByRole("button", { name: t.insert }).click();
      const dialog = page.getByRole("alertdialog", { name: t.replaceTitle });
      await dialog.waitFor();
      // axe measures contrast on what is painted: let the dialog finish fading in first
      await dialog.evaluate((surface) =>
        Promise.all(surface.getAnimations({ subtree: true }).map((animation) => animation.finished)),
      );
      await expectNoAxeViolations(page, "replace dialog of the cost allocation");
      await dialog.getByRole("button", { name: t.cancel }).click();
      await expect.poll(async () => page.getByText(t.cancelled).count()).toBe(1);

      // the changed workbook is a valid „Kostenverteilung“
      await page.getByRole("button", { name: t.downloadChanged }).click();
      const [changed] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: /leer.*\.xlsx/i }).click(),
      ]);
      const changedFile = join(dir, `kosten-${language}.xlsx`);
      await changed.saveAs(changedFile);
      expect(await runCli(["validate", changedFile], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
      await page.context().close();
    });
  }

  it("works by keyboard alone: tabs and the check button are reachable and operable", async () => {
    const page = await openPane("de");
    await page.getByLabel("Arbeitsmappe öffnen (.xlsx)").setInputFiles(broken);
    await page.getByText("Geöffnet: aufgabenkatalog-fehler.xlsx").waitFor();
    const tab = page.getByRole("tab", { name: "Prüfen" });
    await tab.focus();
    await page.keyboard.press("Enter");
    const visited: string[] = [];
    for (let i = 0; i < 40; i++) {
      const focused = await page.evaluate(
        () => `${document.activeElement?.tagName ?? ""}:${document.activeElement?.textContent ?? ""}`,
      );
      visited.push(focused);
      if (focused === "BUTTON:Arbeitsmappe prüfen") break;
      await page.keyboard.press("Tab");
    }
    expect(visited.at(-1), visited.join(" | ")).toBe("BUTTON:Arbeitsmappe prüfen");
    await page.keyboard.press("Enter");
    await expect.poll(async () => page.getByText(/2 Fehler/).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("de: analyses the open IT service catalogue with a partner file and builds a Verbundmappe from the demo towns' files", async () => {
    // the demo towns' files of several templates, written as the CLI writes them, and one broken file
    const folder = join(dir, "verbund");
    await mkdir(folder, { recursive: true });
    const write = async (templateId: string, town: string): Promise<string> => {
      const template = findTemplate(templateId);
      if (!template) throw new Error(`no template ${templateId}`);
      const file = join(folder, `${templateId}-${fileSlug(town)}.xlsx`);
      await writeFile(file, await writePlanToBuffer(template.plan({ language: "de", town, demo: true }).plan));
      return file;
    };
    const templateIds = ["aufgabenkatalog", "it-servicekatalog", "pestel"];
    const sources: string[] = [];
    for (const templateId of templateIds)
      for (const town of DEMO_TOWNS) sources.push(await write(templateId, town.name));
    const kaputt = join(folder, "kaputt.xlsx");
    await writeFile(kaputt, "%PDF-1.4 kein Arbeitsmappe");

    const page = await openPane("de");
    await page
      .getByLabel("Arbeitsmappe öffnen (.xlsx)")
      .setInputFiles(join(folder, "it-servicekatalog-zschorlau.xlsx"));
    await page.getByText("Geöffnet: it-servicekatalog-zschorlau.xlsx").waitFor();
    await page.getByRole("tab", { name: "Auswerten" }).click();

    // the analysis of this template with one partner, offered as a download in file mode
    const analysis = page.getByRole("region", { name: "Auswertung dieser Vorlage" });
    await analysis
      .getByLabel("Arbeitsmappen derselben Vorlage von Partnerkommunen")
      .setInputFiles(join(folder, "it-servicekatalog-bockau.xlsx"));
    await analysis.getByRole("button", { name: "Vorlage auswerten" }).click();
    const analysisLink = analysis.getByRole("link", { name: "it-servicekatalog-auswertung.xlsx herunterladen" });
    await analysisLink.waitFor({ timeout: 60_000 });
    await analysis.getByText("übernommen: Bockau").waitFor();
    await analysis.getByRole("heading", { name: /^Auswertung „.*“ von Zschorlau, Bockau$/ }).waitFor();
    const [analysisDownload] = await Promise.all([page.waitForEvent("download"), analysisLink.click()]);
    const analysisFile = join(dir, "it-auswertung.xlsx");
    await analysisDownload.saveAs(analysisFile);
    const analysed = new ExcelJS.Workbook();
    await analysed.xlsx.readFile(analysisFile);
    expect(analysed.worksheets.map((sheet) => sheet.name)).toContain("Harmonisierung");

    // the Verbundmappe of all files: progress, the overview with the broken file left out, the download
    const partnership = page.getByRole("region", { name: "Verbundmappe" });
    await partnership.getByLabel("Arbeitsmappen der Kommunen (.xlsx, mehrere)").setInputFiles([...sources, kaputt]);
    await partnership.getByRole("button", { name: "Verbundmappe erstellen" }).click();
    await expect
      .poll(async () => partnership.getByRole("status").textContent(), { timeout: 60_000, interval: 20 })
      .toMatch(/^Datei \d+ von 13: /);
    const link = partnership.getByRole("link", { name: "verbundmappe.xlsx herunterladen" });
    await link.waitFor({ timeout: 120_000 });
    const table = partnership.getByRole("table", { name: "Eingelesene Dateien" });
    expect(await table.getByRole("row").count()).toBe(14);
    expect(await table.getByRole("row").filter({ hasText: "kaputt.xlsx" }).textContent()).toMatch(
      /ausgelassen: nicht lesbar/,
    );
    expect(
      await table
        .getByRole("row")
        .filter({ hasText: /übernommen:/ })
        .count(),
    ).toBe(12);
    await expectNoAxeViolations(page, "evaluate page with the analysis and the Verbundmappe");
    // the overview fits the pane: no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await partnership.screenshot({ path: join(SCREENSHOTS, "pane-verbundmappe-de.png") });

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = join(dir, "verbundmappe.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    for (const name of ["Übersicht", "Fahrplan", "Kommunen"]) expect(names).toContain(name);
    await page.context().close();
  }, 300_000);

  it("keeps the initial JavaScript within 250 KB gzipped (exceljs only in a lazy chunk) and paints fast", async () => {
    const html = await readFile(join(paneDir, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
      .map((m) => m[1] ?? "")
      .filter((src) => !src.startsWith("http") && !src.startsWith("office-js/"));
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.some((src) => src.includes("exceljs"))).toBe(false);
    let gzipped = 0;
    for (const src of initial) gzipped += gzipSync(await readFile(join(paneDir, src))).length;
    expect(gzipped).toBeLessThanOrEqual(250 * 1024);

    const page = await openPane("de");
    await page.getByRole("tab", { name: "Vorlagen" }).waitFor();
    const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1);
    const ready = await page.evaluate(() => performance.now());
    expect(paint).toBeGreaterThan(0);
    const figures = {
      initialScripts: initial,
      initialGzipKb: Math.round(gzipped / 102.4) / 10,
      firstContentfulPaintMs: Math.round(paint),
      interactiveMs: Math.round(ready),
    };
    console.log("[pane figures]", JSON.stringify(figures));
    await writeFile(join(ROOT, "docs", "screenshots", "pane-figures.json"), `${JSON.stringify(figures, null, 2)}\n`);
    await page.context().close();
  });

  it("made no request outside this machine", () => {
    expect(outside).toEqual([]);
  });
});
