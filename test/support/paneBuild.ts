/**
 * One production build of the task pane per test run (`webpack --mode production --env
 * intranet`, ≈ 50 s on two cores), shared by every test file that needs it — the browser test and
 * the release test run in different worker processes. The first to ask builds it into the folder
 * of test/support/paneBuildSetup.ts; the others wait for it (a lock folder marks the builder).
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import { buildIntranetPane } from "../../packaging/paneBuild.js";

const ROOT = resolve(import.meta.dirname, "../..");
const WAIT_MS = 10 * 60_000;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

let mine: Promise<string> | undefined;

/** The folder of the shared intranet build of the pane; builds it when no test file has yet. */
export function sharedPaneBuild(): Promise<string> {
  mine ??= (async () => {
    // a build made before, e.g. while working on a test: IKZ_PANE_BUILD=<folder of webpack --env intranet>
    const given = process.env["IKZ_PANE_BUILD"];
    if (given !== undefined && given !== "") return given;
    const base = inject("ikzPaneBuildDir");
    const out = join(base, "pane");
    const done = join(base, "done");
    const failed = join(base, "failed");
    let builder = true;
    try {
      await mkdir(join(base, "lock"));
    } catch {
      builder = false;
    }
    if (builder) {
      try {
        await buildIntranetPane(ROOT, out);
      } catch (error) {
        await writeFile(failed, String(error));
        throw error;
      }
      await writeFile(done, "");
      return out;
    }
    // another test file builds it: wait for its result
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      if (await exists(done)) return out;
      if (await exists(failed)) throw new Error(`the shared pane build failed: ${await readFile(failed, "utf8")}`);
      if (Date.now() > deadline) throw new Error(`the shared pane build in ${out} did not finish within ${WAIT_MS} ms`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  })();
  return mine;
}
