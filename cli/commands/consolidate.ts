import { basename, resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { planPartnership, type PartnershipInput } from "../../templates/consolidation/planPartnership.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { formatIssue } from "../../lib/validation/ValidationIssue.js";
import { checkFiles } from "../../journeys/checkFileBatch.js";
import { fileToCheck, printReport } from "./validate.js";

export interface ConsolidateOptions {
  readonly out: string;
  readonly json?: boolean;
  readonly force?: boolean;
  /** Take town names found similar as different towns (else nothing is written, exit 1). */
  readonly allowSimilarTowns?: boolean;
}

/**
 * `ikz consolidate FILE… --out FILE`: reads every file (progress on stderr), reports the broken
 * ones and leaves them out, and writes the partnership workbook of the rest. Nothing is written
 * when no file is usable, nor — without --allow-similar-towns — when two town names are probably
 * one town („Gemeinde Bockau“ / „Bockau“): its cost model would charge that town twice (the pairs
 * are printed, with both spellings and files). Exit 0 when every file was taken, 1 when some were
 * left out, similar names kept the workbook back (or the output exists without --force), 2 when
 * none was usable.
 */
export async function runConsolidate(
  files: readonly string[],
  options: ConsolidateOptions,
  context: CliContext,
  /** Reports of files validated already, by path (those files are not read again). */
  validated = new Map<string, ValidationReport>(),
): Promise<ExitCode> {
  const { language } = context;
  const checked = await checkFiles(
    files.map((file) => {
      const read = fileToCheck(file, language, validated, undefined, templatesOf(context));
      // each broken file's findings right after its progress line
      return {
        name: read.name,
        check: async () => {
          const fileCheck = await read.check();
          if (!fileCheck.check.report.valid) printReport(fileCheck.check.report, context);
          return fileCheck;
        },
      };
    }),
    (done, total, file) => {
      if (done < total)
        context.stderr(renderCliText("consolidateProgress", language, { count: done + 1, value: String(total), file }));
    },
  );
  const inputs: PartnershipInput[] = checked.map(({ file, checked: { check } }) => ({
    file: basename(file),
    report: check.report,
  }));
  const { plan, summary } = planPartnership(inputs, language, {
    allowSimilarTowns: options.allowSimilarTowns ?? false,
    templates: templatesOf(context),
  });
  summary.sources.forEach((source, index) => {
    if (!source.taken)
      context.stderr(
        renderCliText("consolidateLeftOut", language, { file: files[index] ?? source.file, value: source.note }),
      );
  });
  for (const finding of summary.findings) context.stderr(formatIssue(finding, language));
  if (!plan && summary.similarTowns.length > 0 && !options.allowSimilarTowns) {
    context.stderr(renderCliText("consolidateSimilarTowns", language, { count: summary.similarTowns.length }));
    if (options.json) context.stdout(JSON.stringify({ out: null, ...summary }, null, 2));
    return EXIT.findings;
  }
  if (!plan) {
    context.stderr(renderCliText("consolidateNothing", language));
    return inputs.some((input) => input.report.usable) ? EXIT.findings : EXIT.unusable;
  }
  const written = await writeOrRefuse(
    () => writePlanToFile(plan, resolve(options.out), { force: options.force ?? false }),
    options.out,
    context,
  );
  if (!written) return EXIT.findings;
  if (options.json) context.stdout(JSON.stringify({ out: options.out, ...summary }, null, 2));
  else {
    const sheets = summary.parts.flatMap((part) => part.sheets).join(", ");
    context.stdout(
      renderCliText("consolidateDone", language, {
        count: summary.towns.length,
        value: summary.towns.join(", "),
        other: sheets,
      }),
    );
  }
  return summary.sources.every((source) => source.taken) ? EXIT.ok : EXIT.findings;
}
