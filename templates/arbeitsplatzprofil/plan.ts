/**
 * Plans an „Arbeitsplatzprofil“ workbook: the starter requirements (or given rows), the towns'
 * names and, for the demo, invented statuses and workplace counts. Besides what the spec plans,
 * the requirements sheet gets a row above its header naming each town block (merged over its
 * three columns) and frozen id/dimension/requirement columns.
 */
import { cellAddress, columnLetter } from "../../lib/cells/address.js";
import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import { namedCellReference } from "../../lib/plan/resolveLayout.js";
import type { PlannedRow, SheetPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import type { RequirementStatus } from "../../lib/workplace/model.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import { DEMO_PARTNERSHIP, demoStatuses, demoWorkplaces } from "./demo.js";
import { quoted } from "./formulas/common.js";
import {
  REQUIREMENTS_HEADER_ROW,
  SHEET,
  SLOTS,
  SPARE_REQUIREMENTS,
  TOWN_NAME_ROW,
  gapColumn,
  statusColumn,
  townField,
} from "./layout.js";
import { DIMENSIONS, OBLIGATION_LABELS, ROLES, STATUS_LABELS, TOWN_SLOTS } from "./reference.js";
import { workplaceProfileSpec } from "./spec.js";
import { SPECIFICATION_HEADER_ROW } from "./formulas/specification.js";
import { STARTER_REQUIREMENTS } from "./starterRequirements.js";

/** Raised when more towns are asked for than the profile has columns. */
export class TooManyTownsError extends RangeError {
  constructor(readonly count: number) {
    super(`a workplace profile has columns for at most ${TOWN_SLOTS} towns, ${count} were given`);
    this.name = "TooManyTownsError";
  }
}

export interface WorkplaceProfilePlanOptions {
  readonly language: Language;
  /** A town's own copy: its name in slot 1 (ignored when `towns` is given). */
  readonly town?: string;
  /** The partner towns of a group workbook, slots 1, 2, … (at most 8). */
  readonly towns?: readonly string[];
  /** Invented statuses and workplace counts; without towns, the four demo towns. */
  readonly demo?: boolean;
}

export interface WorkplaceProfileContent {
  readonly language: Language;
  /** Town name per slot, index 0 = slot 1; blank or missing = slot unused. */
  readonly towns: readonly (string | undefined)[];
  /** Rows of „Anforderungen“ as typed: column key → cell value. */
  readonly requirements: readonly RowValues[];
  /** Workplaces per role key, per slot (index 0 = slot 1). */
  readonly workplaces?: readonly Readonly<Record<string, number | undefined>>[];
  readonly partnershipName?: string;
  readonly asOf?: Date;
  /** Spare requirement rows below the given ones (default 40). */
  readonly spare?: number;
}

/** The status cell text of a status in a workbook's language. */
export function statusLabel(status: RequirementStatus, language: Language): string {
  return STATUS_LABELS.find((s) => s.key === status)?.label[language] ?? status;
}

/** The starter requirements as rows of „Anforderungen“ in a language (statuses blank). */
export function starterRequirementRows(language: Language): RowValues[] {
  return STARTER_REQUIREMENTS.map((requirement) => ({
    id: requirement.id,
    dimension: DIMENSIONS.find((d) => d.key === requirement.dimension)?.label[language],
    requirement: requirement.text[language],
    obligation: OBLIGATION_LABELS.find((o) => o.key === requirement.obligation)?.label[language],
    roles: (requirement.roles ?? [])
      .map((key) => ROLES.find((role) => role.key === key)?.label[language] ?? key)
      .join("; "),
  }));
}

/**
 * Plans the workbook for the usual cases: a town's own copy (`town`), a group workbook
 * (`towns`), the demo partnership (`demo` alone), or a blank profile; always pre-filled with the
 * starter requirements.
 *
 * @throws TooManyTownsError for more than 8 towns.
 */
export function planWorkplaceProfile(options: WorkplaceProfilePlanOptions): PlannedWorkbook {
  const { language } = options;
  const towns: readonly string[] =
    options.towns ?? (options.town !== undefined ? [options.town] : options.demo ? DEMO_TOWNS.map((t) => t.name) : []);
  if (towns.length > TOWN_SLOTS) throw new TooManyTownsError(towns.length);
  const starter = starterRequirementRows(language);
  const statuses = options.demo ? towns.map((town) => demoStatuses(town, starter.length)) : [];
  const requirements = starter.map((row, rowIndex): RowValues => {
    const assessed = statuses.flatMap((ofTown, index) => {
      const status = ofTown[rowIndex];
      return status ? [[statusColumn(index + 1), statusLabel(status, language)] as const] : [];
    });
    return { ...row, ...Object.fromEntries(assessed) };
  });
  return planWorkplaceProfileContent({
    language,
    towns,
    requirements,
    ...(options.demo
      ? {
          workplaces: towns.map((town) => demoWorkplaces(town)),
          partnershipName: DEMO_PARTNERSHIP,
          asOf: new Date(Date.UTC(2026, 9, 1)),
        }
      : {}),
  });
}

/** Plans the workbook from explicit content (tests, imports): cells are written as given. */
export function planWorkplaceProfileContent(content: WorkplaceProfileContent): PlannedWorkbook {
  const settings: Record<string, string | Date | undefined> = {
    partnershipName: content.partnershipName,
    asOf: content.asOf,
  };
  SLOTS.forEach((slot) => {
    const name = content.towns[slot - 1];
    if (name !== undefined && name !== "") settings[townField(slot)] = name;
  });
  const workplaceRows: RowValues[] = SLOTS.map((slot) => ({ ...(content.workplaces?.[slot - 1] ?? {}) }));
  const planned = planWorkbook(workplaceProfileSpec, {
    language: content.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.requirements]: content.requirements, [SHEET.workplaces]: workplaceRows },
    formValues: { [SHEET.settings]: settings },
    spareRows: { [SHEET.requirements]: content.spare ?? SPARE_REQUIREMENTS },
  });
  return withPlainSpecificationLines(withTownNameRow(planned));
}

/**
 * The planner of `ikz upgrade`: the current layout with the old workbook's values, and what the
 * planner adds to the spec (the town names above the blocks, the plain specification lines) — so
 * those cells are written anew instead of being carried over as the user's own.
 */
export function planWorkplaceProfileUpgrade(values: UpgradeValues): PlannedWorkbook {
  const planned = planWorkbook(workplaceProfileSpec, {
    language: values.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: values.tableRows,
    formValues: values.formValues,
  });
  return withPlainSpecificationLines(withTownNameRow(planned));
}

/**
 * The lines of „Leistungsverzeichnis“ in the plain reference look (no fill, no border): the sheet
 * is the printable list, and its formulas reserve a line for every requirement row, most of them
 * empty. Grid cells cannot ask for this style (GridCell.style offers no plain style), so the planner
 * sets it; the heading lines keep their grey highlight.
 */
function withPlainSpecificationLines(planned: PlannedWorkbook): PlannedWorkbook {
  const { plan } = planned;
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.key !== SHEET.specification) return sheet;
    return {
      ...sheet,
      rows: function* () {
        for (const row of sheet.rows()) {
          yield row.row <= SPECIFICATION_HEADER_ROW
            ? row
            : {
                ...row,
                cells: row.cells.map((cell) =>
                  cell.style === "computed" ? { ...cell, style: "reference" as const } : cell,
                ),
              };
        }
      },
    };
  });
  return { ...planned, plan: { ...plan, sheets } };
}

/** Texts of the row above the requirements' header. */
const FREE_SLOT = { de: (slot: number) => `Kommune ${slot} (frei)`, en: (slot: number) => `Town ${slot} (free)` };

/**
 * Adds the town names above each town block of „Anforderungen“ (formulas over „Angaben“, merged
 * over status, value and gap) and freezes the first three columns.
 */
function withTownNameRow(planned: PlannedWorkbook): PlannedWorkbook {
  const { layout, plan } = planned;
  const place = layout.sheets.get(SHEET.requirements);
  if (!place) throw new Error("the workplace profile has no requirements sheet");
  const language = plan.language;
  const column = (key: string): number => {
    const found = place.columns.get(key);
    if (found === undefined) throw new Error(`no column ${key}`);
    return found;
  };
  const nameRow: PlannedRow = {
    row: TOWN_NAME_ROW,
    height: 20,
    cells: SLOTS.map((slot) => {
      const name = namedCellReference(layout, `${SHEET.settings}.${townField(slot)}`, SHEET.requirements);
      return {
        column: column(statusColumn(slot)),
        formula: `IF(TRIM(${name})="",${quoted(FREE_SLOT[language](slot))},${name})`,
        style: "label" as const,
        align: "center" as const,
      };
    }),
  };
  const merges = SLOTS.map(
    (slot) =>
      `${cellAddress(TOWN_NAME_ROW, column(statusColumn(slot)))}:${columnLetter(column(gapColumn(slot)))}${TOWN_NAME_ROW}`,
  );
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.key !== SHEET.requirements) return sheet;
    return {
      ...sheet,
      rowCount: sheet.rowCount + 1,
      rows: function* () {
        let added = false;
        for (const row of sheet.rows()) {
          if (!added && row.row >= REQUIREMENTS_HEADER_ROW) {
            added = true;
            yield nameRow;
          }
          yield row;
        }
      },
      merges: [...sheet.merges, ...merges],
      frozen: { rows: REQUIREMENTS_HEADER_ROW, columns: column("requirement") },
      // every printed page names the towns above their columns, as the screen does
      print: { ...sheet.print, titleRows: `${TOWN_NAME_ROW}:${REQUIREMENTS_HEADER_ROW}` },
    };
  });
  return { layout, plan: { ...plan, sheets } };
}
