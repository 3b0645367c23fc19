import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import { cellAddress } from "../../lib/cells/address.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { parsedTable, type ParsedTable } from "../../lib/validation/readWorkbook.js";
import { extractCostModel } from "../../templates/kostenverteilung/costModel.js";
import { costAllocationSpec, SHEET } from "../../templates/kostenverteilung/spec.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { printReport, validateFile } from "./validate.js";

/** Sheet position (1-based, as in the „Nr.“ columns) of each row in use. */
const positions = (parsed: ParsedTable | undefined): number[] =>
  parsed ? parsed.rows.map((row) => row.row - parsed.headerRow) : [];

/**
 * `ikz allocate FILE`: validates a cost model workbook and prints the cent-exact split, each
 * share with the cell of the „Verteilung“ sheet whose formula computes the same number.
 */
export async function runAllocate(file: string, options: { json?: boolean }, context: CliContext): Promise<ExitCode> {
  const report = await validateFile(file, context.language, costAllocationSpec.id);
  if (!report.usable || !report.workbook) {
    printReport(report, context);
    return EXIT.unusable;
  }
  if (!report.valid) {
    printReport(report, context);
    context.stderr(renderCliText("notComputed", context.language, { file }));
    return EXIT.findings;
  }
  const workbook = report.workbook;
  const allocation = allocateCosts(extractCostModel(workbook));
  const itemNumbers = positions(parsedTable(workbook, SHEET.items));
  const townNumbers = positions(parsedTable(workbook, SHEET.towns));
  const pairs = parsedTable(workbook, SHEET.allocation);
  const centsColumn = pairs?.columns.get("cents");
  const rowOfPair = new Map<string, number>();
  for (const row of pairs?.rows ?? [])
    rowOfPair.set(`${String(row.values["itemNo"])}:${String(row.values["townNo"])}`, row.row);
  const cellOf = (itemIndex: number, townIndex: number): string | null => {
    const row = rowOfPair.get(`${itemNumbers[itemIndex] ?? "?"}:${townNumbers[townIndex] ?? "?"}`);
    return row === undefined || centsColumn === undefined || !pairs
      ? null
      : `${pairs.sheetName}!${cellAddress(row, centsColumn)}`;
  };
  const result = {
    items: allocation.items.map((item, itemIndex) => ({
      name: item.name,
      key: item.key,
      amountCents: item.amountCents,
      shares: item.shares.map((share, townIndex) => ({
        town: share.town,
        cents: share.cents,
        cell: cellOf(itemIndex, townIndex),
      })),
    })),
    totals: allocation.totals.map((total) => ({ town: total.town, cents: total.cents })),
    advances: allocation.advances,
    trueUp: allocation.trueUp ?? null,
  };
  if (options.json) {
    context.stdout(JSON.stringify(result, null, 2));
    return EXIT.ok;
  }
  const euros = (cents: number) =>
    (cents / 100).toLocaleString(context.language === "de" ? "de-DE" : "en-GB", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  for (const item of result.items) {
    context.stdout(`${item.name} (${euros(item.amountCents)} €)`);
    for (const share of item.shares) context.stdout(`  ${share.town.padEnd(24)} ${euros(share.cents).padStart(14)} €`);
  }
  context.stdout("");
  for (const total of result.totals) context.stdout(`${total.town.padEnd(26)} ${euros(total.cents).padStart(14)} €`);
  return EXIT.ok;
}
