/// <reference lib="dom" />
/**
 * `npm run release` as CI runs it (packaging/buildRelease.ts), on the pane build the browser test
 * shares: the zip holds every file it promises; its workbooks open in LibreOffice alone; its pane
 * opens from disk in Chromium — German, axe-clean, no request leaving the machine; its handbook
 * shows a picture for every step, each lying in the zip.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileSlug } from "../cli/commands/demo.js";
import { buildRelease, type ReleaseResult } from "../packaging/buildRelease.js";
import { BROKEN_EXAMPLE, LAYOUT, PICTURE_DIR } from "../packaging/pages.js";
import { PLACEHOLDER_SOURCE_URL } from "../packaging/paneBuild.js";
import { launchQuietChromium } from "../packaging/pictures.js";
import { DEMO_TOWNS } from "../templates/aufgabenkatalog/demo.js";
import { TEMPLATES } from "../templates/registry.js";
import { libreOfficeSkipRequested, prepareRecalcProfile, requireLibreOffice } from "./support/libreoffice.js";
import { sharedPaneBuild } from "./support/paneBuild.js";

const run = promisify(execFile);
const CHROMIUM = process.env["IKZ_CHROMIUM"] ?? "/usr/bin/chromium";
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let work = "";
let unpacked = "";
let release: ReleaseResult;
let zipNames: string[] = [];

/** What the release promises, besides the pane's own files. */
function promisedFiles(): string[] {
  const analysed = TEMPLATES.filter((m) => m.analysis && m.takes.town && m.spec.id !== "aufgabenkatalog");
  return [
    LAYOUT.handbook,
    LAYOUT.paneStart,
    `${LAYOUT.pane}/taskpane.html`,
    LAYOUT.itNote,
    LAYOUT.itManifest,
    `${LAYOUT.itServer}/taskpane.html`,
    `${LAYOUT.itServer}/office-js/office.js`,
    ...["de", "en"].flatMap((language) => TEMPLATES.map((m) => `${LAYOUT.templates}/${language}/${m.spec.id}.xlsx`)),
    ...[
      "aufgabenkatalog-vorlage.xlsx",
      ...DEMO_TOWNS.map((town) => `aufgabenkatalog-${fileSlug(town.name)}.xlsx`),
      "fahrplan.xlsx",
      "fahrplan.json",
      "kostenverteilung-vorlage.xlsx",
      "kostenverteilung-beispiel.xlsx",
      ...analysed.flatMap((m) => [
        ...DEMO_TOWNS.map((town) => `${m.spec.id}-${fileSlug(town.name)}.xlsx`),
        `${m.spec.id}-auswertung.xlsx`,
      ]),
      "verbundmappe.xlsx",
      BROKEN_EXAMPLE,
    ].map((name) => `${LAYOUT.examples}/${name}`),
  ];
}

describe.skipIf(libreOfficeSkipRequested() || process.env["IKZ_SKIP_BROWSER"] === "1")("the release zip", () => {
  beforeAll(async () => {
    requireLibreOffice();
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium, or set IKZ_CHROMIUM)`);
    const pane = await sharedPaneBuild();
    work = await mkdtemp(join(tmpdir(), "ikz-release-test-"));
    release = await buildRelease({
      outDir: join(work, "out"),
      paneBuild: pane,
      log: (line) => console.log(`[release] ${line}`),
    });
    console.log(
      `[release] ${release.entries.length} files, ${(release.bytes / 1024 / 1024).toFixed(1)} MB, ${release.seconds.toFixed(0)} s`,
    );
    // unpacked by another zip implementation than the one that wrote it
    unpacked = join(work, "unpacked");
    await run("python3", ["-m", "zipfile", "-e", release.zip, unpacked]);
    const listing = await run("python3", [
      "-c",
      "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
      release.zip,
    ]);
    zipNames = listing.stdout.split("\n").filter((name) => name !== "" && !name.endsWith("/"));
    // the pane build (≈ 50 s) and the release (≈ 60 s) take much longer on a machine under load
  }, 15 * 60_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("is named after the version and holds every promised file, without source maps or test files", async () => {
    const { version } = JSON.parse(await readFile(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
      version: string;
    };
    expect(release.zip.endsWith(`ikz-kit-${version}.zip`)).toBe(true);
    expect([...zipNames].sort()).toEqual(release.entries);
    expect(promisedFiles().filter((file) => !zipNames.includes(file))).toEqual([]);
    expect(zipNames.filter((name) => name.endsWith(".map") || name.includes("test-only-"))).toEqual([]);
    expect(zipNames.filter((name) => name.startsWith("/") || name.includes(".."))).toEqual([]);
    // the pane from disk loads no office.js; the server's copy brings its own
    const filePage = await readFile(join(unpacked, LAYOUT.pane, "taskpane.html"), "utf8");
    expect(filePage).not.toMatch(/office/i);
    expect(filePage).not.toMatch(/https?:\/\//);
    expect(await readFile(join(unpacked, LAYOUT.itServer, "taskpane.html"), "utf8")).toMatch(
      /src="?office-js\/office\.js/,
    );
    expect(zipNames.some((name) => name.startsWith(`${LAYOUT.pane}/office-js/`))).toBe(false);
    const manifest = await readFile(join(unpacked, LAYOUT.itManifest), "utf8");
    expect(manifest).toContain(`${PLACEHOLDER_SOURCE_URL}/taskpane.html`);
    expect(manifest).not.toContain("https://localhost");
    expect(manifest).toContain('DefaultValue="IKZ-Werkzeuge"');
    expect(await readFile(join(unpacked, LAYOUT.itNote), "utf8")).toContain(PLACEHOLDER_SOURCE_URL);
  });

  it("its workbooks open in LibreOffice alone, with the formulas computed", async () => {
    const profile = prepareRecalcProfile(join(work, "lo"), "de-DE");
    const pdfDir = join(work, "pdf");
    await run(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile}`,
        "--convert-to",
        'pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1-8"}}',
        "--outdir",
        pdfDir,
        join(unpacked, LAYOUT.templates, "de", "aufgabenkatalog.xlsx"),
        join(unpacked, LAYOUT.examples, "kostenverteilung-beispiel.xlsx"),
      ],
      { timeout: 5 * 60_000 },
    );
    const [german, costs] = await Promise.all(
      ["aufgabenkatalog.pdf", "kostenverteilung-beispiel.pdf"].map(
        async (name) =>
          (await run("pdftotext", ["-layout", join(pdfDir, name), "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout,
      ),
    );
    expect(german).toMatch(/Produktcode/);
    // the example's annex, computed by LibreOffice: its towns, euro amounts and the passed self-check
    const annex = (costs ?? "")
      .split("\f")
      .find((page) => /Zweckvereinbarung/.test(page) && /Zschorlau/.test(page) && !/So geht/.test(page));
    expect(annex).toBeDefined();
    expect(annex).toMatch(/\d,\d{2} €/);
    expect(annex).toMatch(/✓/);
  });

  describe("its pane, opened from disk in Chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      // axe beside the page, so that the page's Content-Security-Policy stays on
      await copyFile(axePath, join(unpacked, LAYOUT.pane, "test-only-axe.min.js"));
      browser = await launchQuietChromium(CHROMIUM);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("starts in German in file mode, checks a workbook, has no axe violations and asks for nothing outside", async () => {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "de-DE" });
      const page = await context.newPage();
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!/^(file|data|blob):/.test(request.url())) outside.push(request.url());
      });
      // the start page beside the folder leads to the pane
      await page.goto(pathToFileURL(join(unpacked, LAYOUT.paneStart)).href);
      await page.getByRole("tab", { name: "Prüfen" }).waitFor({ timeout: 60_000 });
      expect(page.url()).toMatch(/\/Aufgabenbereich\/taskpane\.html$/);
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
      await page.getByText("Ohne Excel", { exact: true }).waitFor();
      await page
        .getByLabel("Arbeitsmappe öffnen (.xlsx)")
        .setInputFiles(join(unpacked, LAYOUT.examples, BROKEN_EXAMPLE));
      await page.getByText(`Geöffnet: ${BROKEN_EXAMPLE}`).waitFor();
      await page.getByRole("tab", { name: "Prüfen" }).click();
      await page.getByRole("button", { name: "Arbeitsmappe prüfen" }).click();
      await page
        .getByText(/^2 Fehler/)
        .first()
        .waitFor({ timeout: 60_000 });

      await page.addScriptTag({ url: "test-only-axe.min.js" });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string }[] }> };
          }
        ).axe;
        // Tabster's focus guards: the documented false positive, as in test/browser/pane.browser.test.ts
        const result = await axe.run(
          { exclude: [["[data-tabster-dummy]"]] },
          { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } },
        );
        return result.violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  });

  it("its handbook shows every step with pictures that lie in the zip, and links nowhere outside", async () => {
    const html = await readFile(join(unpacked, LAYOUT.handbook), "utf8");
    const sources = (fragment: string): string[] =>
      [...fragment.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? "");
    for (const step of [1, 2, 3, 4]) {
      const section = /<section id="schritt-(\d)"[\s\S]*?<\/section>/g;
      const match = [...html.matchAll(section)].find((m) => m[1] === String(step));
      expect(match, `Schritt ${step}`).toBeDefined();
      expect(sources(match?.[0] ?? "").length, `pictures of Schritt ${step}`).toBeGreaterThan(0);
    }
    const all = sources(html);
    for (const src of all) {
      expect(zipNames, src).toContain(src);
      const { size } = await stat(join(unpacked, src));
      expect(size, src).toBeGreaterThan(5_000);
      expect((await readFile(join(unpacked, src))).subarray(1, 4).toString(), src).toBe("PNG");
    }
    // every picture made is shown
    expect([...all].sort()).toEqual(
      (await readdir(join(unpacked, PICTURE_DIR))).map((name) => `${PICTURE_DIR}/${name}`).sort(),
    );
    for (const page of [LAYOUT.handbook, LAYOUT.itNote, LAYOUT.paneStart])
      expect(await readFile(join(unpacked, page), "utf8"), page).not.toMatch(/(src|href)="https?:/);
  });
});
