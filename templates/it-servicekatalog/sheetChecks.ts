/**
 * The IT service catalogue checks itself, without ikz-kit (issue 10, point 3): cells placed
 * around the spec's own (see {@link addPlannedCells}) —
 * - „IT-Kommune“ row 3: whether the reference date and the window can be used (a date; a whole
 *   number of months from 1 to 120) — the rule of the reader; every score shows
 *   „✗ Stichtag/Zeitfenster: siehe Blatt IT-Kommune“ while they cannot;
 * - „Services“ row 3: one summary line (templates/common/selfChecks.ts), „✓ Alle Prüfungen
 *   bestanden“ or „✗ 2 Prüfungen nicht bestanden – siehe Services, Spalte R · IT-Kommune, …“: rows
 *   whose score shows their own „✗“, the town's check line, entries below the rows the formulas
 *   cover.
 * The rows' own check is the score formula's (spec.ts `priorityScoreFormula`).
 */
import { columnLetter, sheetReference } from "../../lib/cells/address.js";
import type { PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import { formulaContext, sheetLayout } from "../../lib/plan/resolveLayout.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { addPlannedCells } from "../common/addPlannedCells.js";
import { countMarked } from "../common/cellChecks.js";
import { CHECK_MARK, entriesBelowFormula, formulaText, selfCheckSummaryFormula } from "../common/selfChecks.js";
import { CHECK_LINE_ROW, SHEET, TOWN_INVALID_TEXT } from "./spec.js";

/** The window's range, as the spec's field (and so the reader) has it. */
const WINDOW = { min: 1, max: 120 } as const;

const TEXT = {
  noDate: { de: "Stichtag: ein Datum eingeben", en: "Reference date: enter a date" },
  window: {
    de: `Zeitfenster: eine ganze Zahl von ${WINDOW.min} bis ${WINDOW.max} eingeben`,
    en: `Window: enter a whole number from ${WINDOW.min} to ${WINDOW.max}`,
  },
  ok: { de: "Stichtag und Zeitfenster in Ordnung", en: "Reference date and window fine" },
} satisfies Record<string, LocalizedText>;

/**
 * The town's check line: „✓ …“, or „✗“ and the first rule broken — the reference date is no
 * date (empty, text), the window no whole number from 1 to 120 (empty, text, outside, a fraction).
 */
export function townCheckFormula(referenceDate: string, window: string, language: Language): string {
  const failed = (text: LocalizedText): string => formulaText(`${CHECK_MARK.failed} ${text[language]}`);
  return (
    `IF(NOT(ISNUMBER(${referenceDate})),${failed(TEXT.noDate)},` +
    `IF(IF(ISNUMBER(${window}),OR(${window}<${WINDOW.min},${window}>${WINDOW.max},${window}<>INT(${window})),1),` +
    `${failed(TEXT.window)},${formulaText(`${CHECK_MARK.ok} ${TEXT.ok[language]}`)}))`
  );
}

/** The service catalogue's plan with its self-checks placed (see the module comment). */
export function withServiceCatalogueChecks(planned: PlannedWorkbook): PlannedWorkbook {
  const { layout } = planned;
  const language = layout.language;
  const services = sheetLayout(layout, SHEET.services);
  const town = sheetLayout(layout, SHEET.town);
  const onTown = formulaContext(layout, SHEET.town, CHECK_LINE_ROW);
  const onServices = formulaContext(layout, SHEET.services, CHECK_LINE_ROW);
  const scores = `${sheetReference(services.name)}!${onServices.columnRange("score")}`;
  const scoreLetter = columnLetter(services.columns.get("score") ?? 1);
  const lastColumn = columnLetter(Math.max(...services.columns.values()));
  const column = (letter: string): string => (language === "de" ? `Spalte ${letter}` : `column ${letter}`);
  const townWhere = { de: `${town.name}, Stichtag/Zeitfenster`, en: `${town.name}, reference date/window` };
  const summary = selfCheckSummaryFormula(
    [
      {
        // the rows' own problems (a score that shows the town's ✗ is counted there)
        failedWhen: `${countMarked(scores)}-COUNTIF(${scores},${formulaText(TOWN_INVALID_TEXT[language])})>0`,
        where: { de: `${services.name}, ${column(scoreLetter)}`, en: `${services.name}, ${column(scoreLetter)}` },
      },
      { cells: `${sheetReference(town.name)}!$A$${CHECK_LINE_ROW}`, where: townWhere },
      {
        failedWhen: entriesBelowFormula(
          `${sheetReference(services.name)}!$A$${services.lastDataRow + 1}:$${lastColumn}$${services.lastDataRow + 1}`,
        ),
        where: {
          de: `Einträge unterhalb Zeile ${services.lastDataRow} werden nicht berechnet`,
          en: `entries below row ${services.lastDataRow} are not computed`,
        },
      },
    ],
    language,
  );
  const townCheck = townCheckFormula(
    onTown.named(`${SHEET.town}.referenceDate`),
    onTown.named(`${SHEET.town}.windowMonths`),
    language,
  );
  return addPlannedCells(planned, {
    [SHEET.services]: new Map([[CHECK_LINE_ROW, [{ column: 1, formula: summary, style: "label" as const }]]]),
    [SHEET.town]: new Map([[CHECK_LINE_ROW, [{ column: 1, formula: townCheck, style: "label" as const }]]]),
  });
}
