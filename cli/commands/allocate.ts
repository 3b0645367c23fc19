import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { ItemAllocation } from "../../lib/allocation/model.js";
import { sheetReference } from "../../lib/cells/address.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import {
  parsedTable,
  workbookLanguage,
  type ParsedTable,
  type ParsedWorkbook,
} from "../../lib/validation/readWorkbook.js";
import {
  SHEET,
  costAllocationSpec,
  extractCostModel,
  resultCell,
  sheetName,
} from "../../templates/kostenverteilung/module.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { printReport, validateFile } from "./validate.js";

/** Sheet position (1-based, as in the „Nr.“ columns) of each row in use. */
const positions = (parsed: ParsedTable | undefined): number[] =>
  parsed ? parsed.rows.map((row) => row.row - parsed.headerRow) : [];

/** Number of planned item slots: the highest slot number on „Teilbeträge“ minus the overhead's. */
function workbookItemSlots(workbook: ParsedWorkbook): number | undefined {
  const parts = parsedTable(workbook, SHEET.parts);
  const last = parts?.rows[parts.rows.length - 1]?.values["slotNo"];
  return typeof last === "number" ? last - 1 : undefined;
}

/**
 * `ikz allocate FILE`: validates a cost model workbook and prints the cent-exact split, each
 * share with the cell of the annex („Ergebnis“) whose formula shows the same amount in €.
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
  const language = workbookLanguage(workbook);
  const resultSheet = sheetReference(sheetName(SHEET.result, language));
  const itemSlots = workbookItemSlots(workbook);
  /** The annex („Ergebnis“) cell that shows the share, in €: item slot × town slot. */
  const cellOf = (slot: number | undefined, townIndex: number): string | null => {
    const town = townNumbers[townIndex];
    return slot === undefined || town === undefined ? null : `${resultSheet}!${resultCell(slot, town, itemSlots)}`;
  };
  const shares = (allocated: ItemAllocation, slot: number | undefined) =>
    allocated.shares.map((share, townIndex) => ({
      town: share.town,
      cents: share.cents,
      cell: cellOf(slot, townIndex),
    }));
  const result = {
    items: allocation.items.map((item, itemIndex) => ({
      name: item.name,
      key: item.key,
      amountCents: item.amountCents,
      shares: shares(item, itemNumbers[itemIndex]),
    })),
    overhead: allocation.overhead
      ? {
          name: allocation.overhead.name,
          key: allocation.overhead.key,
          percent: allocation.overhead.percent,
          amountCents: allocation.overhead.amountCents,
          shares: shares(allocation.overhead, itemSlots === undefined ? undefined : itemSlots + 1),
        }
      : null,
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
  if (result.overhead) {
    context.stdout(`${result.overhead.name} (${euros(result.overhead.amountCents)} €)`);
    for (const share of result.overhead.shares)
      context.stdout(`  ${share.town.padEnd(24)} ${euros(share.cents).padStart(14)} €`);
  }
  context.stdout("");
  context.stdout(renderCliText("allocationTotals", context.language));
  for (const total of result.totals) context.stdout(`  ${total.town.padEnd(24)} ${euros(total.cents).padStart(14)} €`);
  context.stdout("");
  context.stdout(renderCliText("allocationAdvances", context.language));
  for (const advance of result.advances) {
    context.stdout(`  ${advance.town.padEnd(24)} ${advance.quarters.map((q) => euros(q).padStart(12)).join(" ")}`);
  }
  if (result.trueUp) {
    context.stdout("");
    context.stdout(renderCliText("allocationTrueUp", context.language));
    for (const line of result.trueUp) {
      const sign = line.differenceCents > 0 ? "+" : line.differenceCents < 0 ? "−" : " ";
      context.stdout(`  ${line.town.padEnd(24)} ${`${sign}${euros(Math.abs(line.differenceCents))}`.padStart(14)} €`);
    }
  }
  return EXIT.ok;
}
