import { basename, dirname, extname, join, resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { renderUpgradeChange } from "../../lib/messages/upgradeTexts.js";
import { isFinding } from "../../lib/upgrade/UpgradeChange.js";
import { upgradeWorkbook } from "../../lib/upgrade/upgradeWorkbook.js";
import { formatIssue } from "../../lib/validation/ValidationIssue.js";
import { identifyTemplate } from "../../lib/validation/validateWorkbook.js";
import { rowsOrRefuse } from "./template.js";
import { validateFile } from "./validate.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { loadWorkbook } from "../loadWorkbook.js";
import { writeOrRefuse } from "../writeOrRefuse.js";

export interface UpgradeOptions {
  /** Output file; default: next to the input, with the new version in its name. */
  readonly out?: string;
  readonly force?: boolean;
  readonly json?: boolean;
  /** More prepared town / item rows (`--town-rows`, `--item-rows`; the cost model), as typed. */
  readonly townRows?: string;
  readonly itemRows?: string;
}

/** `kv.xlsx` upgraded to 0.2.0 → `kv-0.2.0.xlsx`, in the same folder. */
export function defaultUpgradePath(file: string, version: string): string {
  const extension = extname(file);
  const stem = basename(file, extension.toLowerCase() === ".xlsx" ? extension : "");
  return join(dirname(file), `${stem}-${version}.xlsx`);
}

/**
 * `ikz upgrade FILE [--out FILE] [--force] [--json]`: writes the workbook in the template's
 * current version with every value of the old one and lists what changed, then validates the
 * written workbook as `ikz validate` does. Exit 0 upgraded and valid (or already current), 1
 * upgraded with places to check or with errors in the new workbook (or the output exists), 2
 * unusable input — also when a sheet the user typed into is not found or its entries would stay
 * behind (then nothing is written).
 */
export async function runUpgrade(file: string, options: UpgradeOptions, context: CliContext): Promise<ExitCode> {
  const { language } = context;
  const templates = templatesOf(context);
  const loaded = await loadWorkbook(file, language);
  if ("unusable" in loaded) {
    if (options.json)
      context.stdout(JSON.stringify({ file, status: "unusable", reason: "file", issues: [loaded.unusable] }, null, 2));
    else context.stderr(formatIssue(loaded.unusable, language));
    return EXIT.unusable;
  }
  // more prepared rows: only for a template that takes them, and within its limits
  let rows: Record<string, number> | undefined;
  if (options.townRows !== undefined || options.itemRows !== undefined) {
    const identified = identifyTemplate(
      loaded.snapshot,
      templates.map((t) => t.spec),
      language,
    );
    const module = templates.find((t) => t.spec === identified.spec);
    const asked = module ? rowsOrRefuse(module, options, context) : {};
    if (asked === undefined) return EXIT.unusable;
    rows = { ...asked };
  }
  const result = upgradeWorkbook(loaded.snapshot, templates, language, rows === undefined ? {} : { rows });
  if (result.status === "unusable") {
    if (options.json) {
      context.stdout(JSON.stringify({ file, ...result }, null, 2));
    } else {
      for (const issue of result.issues) context.stderr(formatIssue(issue, language));
      if (result.reason === "versionUnknown")
        context.stderr(renderCliText("upgradeVersionUnknown", language, { file }));
    }
    return EXIT.unusable;
  }
  if (result.status === "current") {
    if (options.json) context.stdout(JSON.stringify({ file, ...result }, null, 2));
    else
      context.stderr(
        renderCliText("upgradeCurrent", language, { file, value: `${result.templateId} ${result.version}` }),
      );
    return EXIT.ok;
  }
  const out = options.out ?? defaultUpgradePath(file, result.to);
  const written = await writeOrRefuse(
    () => writePlanToFile(result.plan, resolve(out), { force: options.force ?? false }),
    out,
    context,
  );
  if (!written) return EXIT.findings;
  // the result as `ikz validate` sees it: an upgrade is never „done“ while the new workbook has errors
  const report = await validateFile(resolve(out), language, undefined, templates);
  const errors = report.issues.filter((i) => i.severity === "error");
  const valid = report.usable && errors.length === 0;
  const carried = result.changes.reduce((sum, c) => sum + (c.kind === "valuesCarried" ? c.count : 0), 0);
  if (options.json) {
    const changes = result.changes.map((change) => ({
      ...change,
      finding: isFinding(change),
      message: renderUpgradeChange(change, language),
    }));
    const { plan: _plan, ...summary } = result;
    context.stdout(JSON.stringify({ file, out, ...summary, carried, changes, validation: { valid, errors } }, null, 2));
  } else {
    context.stdout(
      renderCliText("upgradeHeader", language, {
        file,
        value: `${result.templateId} ${result.from}`,
        other: `${result.to} (${out})`,
      }),
    );
    for (const change of result.changes.filter((c) => !isFinding(c)))
      context.stdout(`  ${renderUpgradeChange(change, language)}`);
    const findings = result.changes.filter(isFinding);
    if (findings.length > 0) {
      context.stdout(renderCliText("upgradeCheck", language));
      for (const change of findings) context.stdout(`  ${renderUpgradeChange(change, language)}`);
    }
    context.stderr(renderCliText("upgradeSummary", language, { file: out, count: carried, toCheck: result.findings }));
    if (!valid) {
      for (const issue of errors) context.stderr(formatIssue(issue, language));
      context.stderr(renderCliText("upgradeInvalid", language, { file: out, count: errors.length }));
    }
  }
  return result.findings > 0 || !valid ? EXIT.findings : EXIT.ok;
}
