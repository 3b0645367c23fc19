import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { readProductList, renderProductListIssue } from "../../adapters/products/readProductList.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { renderTerm } from "../../lib/messages/terms.js";
import { parseTownList } from "../../templates/common/townList.js";
import type { ProductSelection } from "../../templates/reference/productFramework.js";
import { findTemplate, type TemplateModule } from "../../templates/registry.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";

export interface TemplateOptions {
  readonly out: string;
  readonly products?: string;
  /** `--selection`: `gemeinde`/`municipality` or `alle`/`all` (templates that take products). */
  readonly selection?: string;
  readonly town?: string;
  /** Partner towns as typed: names separated by `,` or `;` (templates with `takes.towns`). */
  readonly towns?: string;
  readonly demo?: boolean;
  /** `--starter`: starter themes from the guideline (templates with `takes.starter`). */
  readonly starter?: boolean;
  readonly force?: boolean;
  /** Prepared town rows as typed (`--town-rows`; templates with `takes.rows`). */
  readonly townRows?: string;
  /** Prepared cost item rows as typed (`--item-rows`; templates with `takes.rows`). */
  readonly itemRows?: string;
}

type Products = { code: string; name: string }[];

/** `--selection` as typed (German or English word; the CLI allows no other) → the planner's selection. */
export function productSelectionOf(typed: string): ProductSelection {
  return typed === "alle" || typed === "all" ? "all" : "municipality";
}

/** Reads a town's own product list; prints its problems; undefined when it is unusable. */
export async function loadProducts(path: string, context: CliContext): Promise<Products | undefined> {
  const { language } = context;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    context.stderr(
      `${path} — ${renderTerm("severityError", language)}: ${renderCliText("productListProblems", language, { file: path })}`,
    );
    return undefined;
  }
  const { products, issues } = await readProductList(bytes, path);
  for (const found of issues) {
    const issue = renderProductListIssue(found, path, language);
    const where = [
      path,
      issue.cell ?? (issue.line === undefined ? undefined : `${language === "de" ? "Zeile" : "line"} ${issue.line}`),
    ]
      .filter((p) => p !== undefined)
      .join(" › ");
    const severity = renderTerm(issue.severity === "error" ? "severityError" : "severityWarning", language);
    context.stderr(`${where} — ${severity}: ${issue.message}`);
  }
  if (products.length === 0 || issues.some((i) => i.severity === "error" && i.line === undefined)) {
    context.stderr(renderCliText("productListProblems", language, { file: path }));
    return undefined;
  }
  context.stderr(renderCliText("productListRead", language, { file: path, count: products.length }));
  return products.map((p) => ({ code: p.code, name: p.name }));
}

/** The names of `--towns`; prints why and returns undefined when the list or the template cannot take them. */
function townsOrRefuse(
  templateId: string,
  taken: boolean,
  text: string,
  context: CliContext,
): readonly string[] | undefined {
  const { language } = context;
  if (!taken) {
    const other = templatesOf(context)
      .filter((t) => t.takes.towns)
      .map((t) => t.spec.id)
      .join(", ");
    context.stderr(renderCliText("townsNotTaken", language, { value: templateId, other }));
    return undefined;
  }
  const parsed = parseTownList(text);
  if (parsed.ok) return parsed.names;
  if (parsed.problem === "empty") context.stderr(renderCliText("townsEmpty", language));
  else context.stderr(renderCliText("townsDuplicate", language, { value: parsed.name, other: parsed.first }));
  return undefined;
}

/** `--town-rows` / `--item-rows` as numbers; prints why and returns undefined when they cannot be taken. */
export function rowsOrRefuse(
  module: TemplateModule,
  options: Pick<TemplateOptions, "townRows" | "itemRows">,
  context: CliContext,
): { towns?: number; items?: number } | undefined {
  const { language } = context;
  const typed = { towns: options.townRows, items: options.itemRows };
  const given = (["towns", "items"] as const).filter((table) => typed[table] !== undefined);
  if (given.length === 0) return {};
  const optionName = (table: "towns" | "items"): string => (table === "towns" ? "--town-rows" : "--item-rows");
  if (module.takes.rows !== true || module.rowCounts === undefined) {
    const other = templatesOf(context)
      .filter((t) => t.takes.rows === true)
      .map((t) => t.spec.id)
      .join(", ");
    context.stderr(
      renderCliText("optionNotTaken", language, {
        file: optionName(given[0] ?? "towns"),
        value: module.spec.id,
        other,
      }),
    );
    return undefined;
  }
  const rows: { towns?: number; items?: number } = {};
  for (const table of given) {
    const text = (typed[table] ?? "").trim();
    rows[table] = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  }
  const problem = module.rowCounts.check(rows);
  if (problem?.problem === "range") {
    const text = typed[problem.table] ?? "";
    context.stderr(
      renderCliText("rowsInvalid", language, {
        file: optionName(problem.table),
        value: text,
        other: `${problem.min}–${problem.max}`,
      }),
    );
    return undefined;
  }
  if (problem?.problem === "tooMany") {
    context.stderr(
      renderCliText("rowsTooMany", language, { value: String(problem.pairRows), other: String(problem.max) }),
    );
    return undefined;
  }
  return rows;
}

export async function runTemplate(id: string, options: TemplateOptions, context: CliContext): Promise<ExitCode> {
  const { language } = context;
  const templates = templatesOf(context);
  const module = findTemplate(id, templates);
  if (!module) {
    context.stderr(
      renderCliText("unknownTemplate", language, { value: id, other: templates.map((t) => t.spec.id).join(", ") }),
    );
    return EXIT.unusable;
  }
  for (const [option, given, taken] of [
    ["--town", options.town !== undefined, module.takes.town],
    ["--products", options.products !== undefined, module.takes.products],
    ["--selection", options.selection !== undefined, module.takes.products],
    ["--starter", options.starter === true, module.takes.starter === true],
  ] as const) {
    if (!given || taken) continue;
    const key = option === "--town" ? "town" : option === "--starter" ? "starter" : "products";
    const other = templates
      .filter((t) => t.takes[key])
      .map((t) => t.spec.id)
      .join(", ");
    context.stderr(renderCliText("optionNotTaken", language, { file: option, value: module.spec.id, other }));
    return EXIT.unusable;
  }
  let towns: readonly string[] | undefined;
  if (options.towns !== undefined) {
    towns = townsOrRefuse(module.spec.id, module.takes.towns, options.towns, context);
    if (!towns) return EXIT.unusable;
  }
  const rows = rowsOrRefuse(module, options, context);
  if (!rows) return EXIT.unusable;
  let products: Products | undefined;
  if (options.products !== undefined) {
    products = await loadProducts(options.products, context);
    if (!products) return EXIT.unusable;
  }
  const { plan } = module.plan({
    language,
    ...(options.town === undefined ? {} : { town: options.town }),
    ...(options.demo ? { demo: true } : {}),
    ...(options.starter === true ? { starter: true } : {}),
    ...(products === undefined ? {} : { products }),
    ...(options.selection === undefined ? {} : { productSelection: productSelectionOf(options.selection) }),
    ...(towns === undefined ? {} : { towns }),
    ...(rows.towns === undefined && rows.items === undefined ? {} : { rows }),
  });
  const written = await writeOrRefuse(
    () => writePlanToFile(plan, resolve(options.out), { force: options.force ?? false }),
    options.out,
    context,
  );
  return written ? EXIT.ok : EXIT.findings;
}
