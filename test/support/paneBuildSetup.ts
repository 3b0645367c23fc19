/**
 * vitest globalSetup: a folder for the one production build of the task pane that the test
 * files share (test/support/paneBuild.ts). Nothing is built here: the first test that needs the
 * pane builds it, so runs of other test files pay nothing. The folder goes at the end of the run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder of the shared pane build (test/support/paneBuild.ts). */
    ikzPaneBuildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "ikz-pane-build-"));
  project.provide("ikzPaneBuildDir", dir);
  return () => rm(dir, { recursive: true, force: true });
}
