/// <reference lib="dom" />
/**
 * The handbook's pictures, made at release time: pages of workbooks as LibreOffice prints them
 * (soffice → PDF → pdftoppm) and the task pane from disk in Chromium (playwright-core), on the
 * release's own example files.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";

const run = promisify(execFile);

/** Pages of a workbook as LibreOffice prints them; enough to reach the sheets the handbook shows. */
const PRINTED_PAGES = "1-8";

/** A printed page to show: the first page whose text matches every pattern of `page` and none of `not`. */
export interface PrintedPicture {
  readonly workbook: string;
  readonly page: readonly RegExp[];
  /** Pages to pass over, e.g. the „So geht's“ sheet, which names everything the others hold. */
  readonly not?: readonly RegExp[];
  /** File name of the picture. */
  readonly name: string;
}

/**
 * Prints the workbooks with a private LibreOffice profile (recalculating every formula on load,
 * as Excel does) and renders the chosen pages as PNG into `outDir`.
 */
export async function printedPictures(
  pictures: readonly PrintedPicture[],
  workDir: string,
  outDir: string,
): Promise<void> {
  const profile = join(workDir, "lo-profile");
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>
</oor:items>
`,
  );
  const pdfDir = join(workDir, "pdf");
  const workbooks = [...new Set(pictures.map((p) => p.workbook))];
  // copies, so that the PDFs' names are known and the sources stay as they are
  const sources = join(workDir, "print");
  await mkdir(sources, { recursive: true });
  for (const [index, workbook] of workbooks.entries()) await copyFile(workbook, join(sources, `${index}.xlsx`));
  await run(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      `pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"${PRINTED_PAGES}"}}`,
      "--outdir",
      pdfDir,
      ...workbooks.map((_, index) => join(sources, `${index}.xlsx`)),
    ],
    { timeout: 10 * 60_000, maxBuffer: 8 * 1024 * 1024 },
  );
  await mkdir(outDir, { recursive: true });
  for (const picture of pictures) {
    const pdf = join(pdfDir, `${workbooks.indexOf(picture.workbook)}.pdf`);
    const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
    const pages = stdout.split("\f");
    const index = pages.findIndex(
      (text) =>
        picture.page.every((pattern) => pattern.test(text)) &&
        !(picture.not ?? []).some((pattern) => pattern.test(text)),
    );
    if (index < 0)
      throw new Error(
        `${basename(picture.workbook)}: no printed page among ${PRINTED_PAGES} matches ${picture.page.join(" and ")}`,
      );
    const stem = join(outDir, picture.name.replace(/\.png$/, ""));
    await run("pdftoppm", [
      "-png",
      "-r",
      "110",
      "-f",
      String(index + 1),
      "-l",
      String(index + 1),
      "-singlefile",
      pdf,
      stem,
    ]);
  }
}

/**
 * Debian's Chromium without the requests a browser makes of its own accord (updates, sync,
 * background networking), so that a page's requests are all its own: the pictures here, the
 * browser and release tests.
 */
export function launchQuietChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...extraArgs,
    ],
  });
}

/** What the pane is shown doing in the handbook, with the files it works on. */
export interface PaneTour {
  /** The file-mode pane: its taskpane.html. */
  readonly page: string;
  /** A filled workbook with two typing errors. */
  readonly broken: string;
  /** The towns' files for the Verbundmappe. */
  readonly townFiles: readonly string[];
  readonly chromium: string;
  readonly outDir: string;
}

/** The picture names of {@link paneScreenshots}. */
export const PANE_PICTURES = {
  templates: "1-vorlagen-aufgabenbereich.png",
  check: "2-pruefen.png",
  partnership: "3-verbundmappe.png",
  costs: "4-kostenverteilung-aufgabenbereich.png",
} as const;

/**
 * Screenshots of the pane opened from disk, as a user sees it: the templates page, the check of
 * a workbook with errors, the Verbundmappe of the towns' files, the cost allocation. Fails when
 * the page asks for anything outside this machine.
 */
export async function paneScreenshots(tour: PaneTour): Promise<void> {
  await mkdir(tour.outDir, { recursive: true });
  const browser = await launchQuietChromium(tour.chromium, ["--lang=de-DE"]);
  const outside: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 460, height: 860 }, locale: "de-DE" });
    await context.addInitScript(() => window.localStorage.setItem("ikz-kit.language", "de"));
    const page = await context.newPage();
    page.on("request", (request) => {
      if (!/^(file|data|blob):/.test(request.url())) outside.push(request.url());
    });
    await page.goto(pathToFileURL(tour.page).href);
    const shot = (name: string, target: Page | ReturnType<Page["locator"]> = page): Promise<Buffer> =>
      "goto" in target
        ? target.screenshot({ path: join(tour.outDir, name), fullPage: true })
        : target.screenshot({ path: join(tour.outDir, name) });

    await page.getByRole("tab", { name: "Vorlagen" }).click();
    await page.getByRole("button", { name: "Arbeitsmappe erstellen" }).waitFor();
    await shot(PANE_PICTURES.templates);

    await page.getByLabel("Arbeitsmappe öffnen (.xlsx)").setInputFiles(tour.broken);
    await page.getByText(`Geöffnet: ${basename(tour.broken)}`).waitFor();
    await page.getByRole("tab", { name: "Prüfen" }).click();
    await page.getByRole("button", { name: "Arbeitsmappe prüfen" }).click();
    await page
      .getByText(/\d+ Fehler/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(PANE_PICTURES.check);

    await page.getByRole("tab", { name: "Auswerten" }).click();
    const partnership = page.getByRole("region", { name: "Verbundmappe" });
    await partnership.getByLabel(/Arbeitsmappen der Kommunen/).setInputFiles([...tour.townFiles]);
    await partnership.getByRole("button", { name: "Verbundmappe erstellen" }).click();
    await partnership.getByRole("link", { name: /verbundmappe\.xlsx/ }).waitFor({ timeout: 180_000 });
    await shot(PANE_PICTURES.partnership, partnership);

    await page.getByRole("tab", { name: "Kostenverteilung" }).click();
    await page.getByRole("button", { name: "Beispiel laden" }).click();
    await page.getByRole("table").first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(tour.outDir, PANE_PICTURES.costs) });
    await context.close();
  } finally {
    await browser.close();
  }
  if (outside.length > 0) throw new Error(`the pane asked for addresses outside this machine: ${outside.join(", ")}`);
}
