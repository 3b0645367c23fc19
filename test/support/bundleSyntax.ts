/**
 * The bundle parses in every browser addin/preflight.js lets through (docs/decisions/0012).
 * preflight.js admits browsers with the ES2022 library features the code uses (Safari/WebKit 15.4,
 * Chrome 93, Firefox 92 and newer); they all parse ES2021 syntax, but Safari parses class static
 * blocks only from 16.4. webpack.config.js's SYNTAX_TARGET says which syntax the chunks may use;
 * the browser test (test/browser/pane.browser.test.ts) parses every chunk of the production build
 * it makes anyway with acorn at exactly that level — one build for both, ≈ 60 s saved in CI.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse, type ecmaVersion } from "acorn";

const ROOT = resolve(import.meta.dirname, "../..");

/** SYNTAX_TARGET from webpack.config.js (`"es2021"` → 2021). */
export async function syntaxTarget(): Promise<ecmaVersion> {
  const config = await readFile(join(ROOT, "webpack.config.js"), "utf8");
  const match = /export const SYNTAX_TARGET = "es(\d{4})";/.exec(config);
  if (!match?.[1]) throw new Error('webpack.config.js: no `export const SYNTAX_TARGET = "es20xx";`');
  return Number(match[1]) as ecmaVersion;
}

/**
 * The page's own scripts in the order taskpane.html loads them. office.js is Microsoft's, not
 * ours: from the CDN, or the intranet build's pinned copy in `office-js/`.
 */
export function localScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((match) => match[1] ?? "")
    .filter((src) => src !== "" && !/^(https?:)?\/\//.test(src) && !src.startsWith("office-js/"));
}

/** Where a chunk does not parse, with the code around it; undefined when it parses. */
export async function syntaxProblem(dir: string, file: string, version: ecmaVersion): Promise<string | undefined> {
  const code = await readFile(join(dir, file), "utf8");
  try {
    parse(code, { ecmaVersion: version, sourceType: "script" });
    return undefined;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    return `${file}: ${(error as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 80), pos + 40))}`;
  }
}
