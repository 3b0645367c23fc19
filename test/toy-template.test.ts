/**
 * The template contract's done criterion: a sixth (toy) template that touches only its own folder
 * (test/fixtures/toy-template) and the list appears in the CLI — `ikz template` writes it, `ikz
 * validate` checks it, the help lists it — and in the partnership workbook. The pane's Templates
 * page offers it too (addin/pages/TemplatesPage.toy.test.tsx).
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ikz.js";
import { TEMPLATES } from "../templates/registry.js";
import { toyModule } from "./fixtures/toy-template/module.js";

const WITH_TOY = [...TEMPLATES, toyModule];

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function ikz(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), templates: WITH_TOY });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ikz-toy-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a toy sixth template, added to the list only", () => {
  it("is listed in the help of `ikz template`", async () => {
    const run = await ikz("template", "--help");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/spielzeug/);
    // the registry's own list does not know it
    const out: string[] = [];
    await runCli(["template", "--help"], { stdout: (t) => out.push(t), stderr: () => undefined });
    expect(out.join("\n")).not.toMatch(/spielzeug/);
  });

  it("is written by `ikz template` and found valid by `ikz validate`", async () => {
    const file = join(dir, "spielzeug-spielhausen.xlsx");
    const written = await ikz("template", "spielzeug", "--town", "Spielhausen", "--demo", "--out", file);
    expect(written.code, written.err).toBe(0);
    expect((await stat(file)).size).toBeGreaterThan(0);
    const checked = await ikz("validate", "--json", file);
    expect(checked.code).toBe(0);
    const reports = JSON.parse(checked.out) as { templateId: string; valid: boolean }[];
    expect(reports).toEqual([expect.objectContaining({ templateId: "spielzeug", valid: true })]);
  });

  it("refuses the options it does not take, naming the templates that do", async () => {
    const run = await ikz("template", "spielzeug", "--products", "x.csv", "--out", join(dir, "nie.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/aufgabenkatalog/);
  });

  it("takes part in the partnership workbook beside the registry's templates", async () => {
    const toy = join(dir, "spielzeug-bockau.xlsx");
    const catalogue = join(dir, "aufgabenkatalog-bockau.xlsx");
    expect((await ikz("template", "spielzeug", "--town", "Bockau", "--demo", "--out", toy)).code).toBe(0);
    expect((await ikz("template", "aufgabenkatalog", "--town", "Bockau", "--demo", "--out", catalogue)).code).toBe(0);
    const run = await ikz("consolidate", "--json", "--out", join(dir, "verbundmappe.xlsx"), catalogue, toy);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as {
      sources: { templateId: string; taken: boolean }[];
      parts: { templateId: string; towns: string[] }[];
    };
    expect(summary.sources).toEqual([
      expect.objectContaining({ templateId: "aufgabenkatalog", taken: true }),
      expect.objectContaining({ templateId: "spielzeug", taken: true }),
    ]);
    expect(summary.parts).toContainEqual(expect.objectContaining({ templateId: "spielzeug", towns: ["Bockau"] }));
  });
});
