/**
 * The task pane for the release, from one production build with office.js served locally
 * (`webpack --env intranet`): the file-mode copy that opens from disk, and the copy for the
 * town's own https server. Source maps and test-only files stay out of both.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";

/** Where the pane will be hosted in the manifest of the release, until the town's IT sets its own address. */
export const PLACEHOLDER_SOURCE_URL = "https://intranet.example/ikz-kit";
/** The address the manifest in the repository points at (the dev server; see webpack.config.js). */
const DEV_SOURCE_URL = "https://localhost:3000";
/** How the intranet build loads office.js (webpack.config.js, OFFICE_JS_LOCAL_DIR). */
const OFFICE_JS_TAG = /<script src="?office-js\/office\.js"?><\/script>/g;

/** Runs `webpack --mode production --env intranet` of the repository at `root` into `outDir`. */
export async function buildIntranetPane(root: string, outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      join(root, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--env",
      "intranet",
      "--output-path",
      outDir,
    ],
    { cwd: root, maxBuffer: 32 * 1024 * 1024 },
  );
}

/** Files of a build that belong into the release (no source maps, no files tests put there). */
function shipped(path: string): boolean {
  const name = path.split(sep).at(-1) ?? "";
  return !name.endsWith(".map") && !name.startsWith("test-only-") && name !== "manifest.xml";
}

/**
 * Copies the pane for opening from disk: everything but office.js and its folder, and the page
 * without its office.js tag. Outside Office, office.js has nothing to connect to; from a file://
 * page its loader is even refused (it fetches its mapping table cross-origin), and the pane
 * would wait for Office for ever. Without it, the pane starts in file mode at once.
 */
export async function copyFileModePane(build: string, target: string): Promise<void> {
  await cp(build, target, {
    recursive: true,
    filter: (source) => {
      const path = relative(build, source);
      return path === "" || (path.split(sep)[0] !== "office-js" && shipped(path));
    },
  });
  const page = join(target, "taskpane.html");
  const html = await readFile(page, "utf8");
  const tags = html.match(OFFICE_JS_TAG) ?? [];
  if (tags.length !== 1)
    throw new Error(`${page}: expected one office.js tag of the intranet build, found ${tags.length}`);
  await writeFile(page, html.replace(OFFICE_JS_TAG, ""));
}

/** Copies the pane for the town's https server (office.js included, no request to Microsoft). */
export async function copyHostedPane(build: string, target: string): Promise<void> {
  await cp(build, target, { recursive: true, filter: (source) => shipped(relative(build, source)) });
  if (!(await readdir(join(target, "office-js"))).includes("office.js"))
    throw new Error(`${build}: not an intranet build (no office-js/office.js)`);
}

/** The repository's manifest with every address moved to `sourceUrl` (as webpack's `--env sourceUrl` does). */
export async function releaseManifest(root: string, sourceUrl = PLACEHOLDER_SOURCE_URL): Promise<string> {
  const manifest = await readFile(join(root, "manifest.xml"), "utf8");
  if (!manifest.includes(DEV_SOURCE_URL)) throw new Error(`manifest.xml: no ${DEV_SOURCE_URL} to replace`);
  // the repository's comment speaks of the dev server; this one of the town's address
  const note = `<!--
  Add-in manifest of ikz-kit (Excel task pane). Replace every ${sourceUrl} below with the https
  address where the folder Server/ is hosted (see Hinweise-fuer-die-IT.html). Keep Id fixed.
  Ersetzen Sie jede Adresse ${sourceUrl} durch die https-Adresse des Ordners Server/.
-->`;
  return manifest.replace(/<!--[\s\S]*?-->/, note).replaceAll(DEV_SOURCE_URL, sourceUrl);
}

/** Makes `dir` and returns it (for chaining). */
export async function ensureDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
