/**
 * Typed extraction of a read „Arbeitsplatzprofil“ workbook: the named towns, the requirement rows
 * with their statuses, the workplaces per role — and from these the library's
 * {@link WorkplaceProfile}, the towns' assessments for the comparison across files, and the
 * workplaces per town the cost model uses as its „workplaces“ key.
 */
import type { TownAssessment } from "../../lib/workplace/compareProfiles.js";
import {
  DIMENSION_KEYS,
  OBLIGATIONS,
  REQUIREMENT_STATUSES,
  type DimensionKey,
  type Obligation,
  type RequirementStatus,
  type WorkplaceProfile,
  type WorkplaceRequirement,
} from "../../lib/workplace/model.js";
import { parseRoles } from "../../lib/workplace/parseRoles.js";
import type { ParsedValue } from "../../lib/validation/parseCell.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { ROLE_COLUMNS, SHEET, SLOTS, statusColumn, townField } from "./layout.js";
import { ALL_ROLES_WORDS, ROLE_NAMES } from "./reference.js";

/** A slot with a town name. */
export interface ProfileTown {
  /** 1 … 8. */
  readonly slot: number;
  readonly name: string;
}

/** One requirement row in use, as read (unknown list values are `null`). */
export interface ProfileRow {
  readonly row: number;
  readonly id: string;
  readonly dimension: DimensionKey | null;
  readonly text: string;
  readonly obligation: Obligation | null;
  readonly rolesText: string;
  /** Role keys; `null` = every role. */
  readonly roles: readonly string[] | null;
  /** Parts of the role cell that name no role. */
  readonly unknownRoles: readonly string[];
  /** Status per slot (index 0 = slot 1); `null` = blank. */
  readonly statuses: readonly (RequirementStatus | null)[];
}

export interface ExtractedWorkplaceProfile {
  readonly file: string;
  readonly partnershipName: string;
  readonly towns: readonly ProfileTown[];
  readonly rows: readonly ProfileRow[];
  /** Workplaces per role key, per slot (index 0 = slot 1); `null` = blank cell. */
  readonly workplaces: readonly Readonly<Record<string, number | null>>[];
}

const asText = (value: ParsedValue | undefined): string =>
  value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value).trim();

const asNumber = (value: ParsedValue | undefined): number | null => (typeof value === "number" ? value : null);

function oneOf<T extends string>(value: ParsedValue | undefined, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The role cell as `parseRoles` reads it, with „alle“/„all“ for every role. */
export function readRoles(text: string): ReturnType<typeof parseRoles> {
  return parseRoles(text, ROLE_NAMES, [ALL_ROLES_WORDS.de, ALL_ROLES_WORDS.en]);
}

/** The named towns on „Angaben“, in slot order (a blank name leaves its slot unused). */
export function profileTowns(workbook: ParsedWorkbook): ProfileTown[] {
  const settings = parsedForm(workbook, SHEET.settings);
  return SLOTS.flatMap((slot) => {
    const name = asText(settings?.values[townField(slot)]);
    return name === "" ? [] : [{ slot, name }];
  });
}

/** Everything the workbook holds, typed (rows in use only, in sheet order). */
export function extractWorkplaceProfile(workbook: ParsedWorkbook): ExtractedWorkplaceProfile {
  const settings = parsedForm(workbook, SHEET.settings);
  const rows: ProfileRow[] = (parsedTable(workbook, SHEET.requirements)?.rows ?? []).map((row) => {
    const rolesText = asText(row.values["roles"]);
    const roles = readRoles(rolesText);
    return {
      row: row.row,
      id: asText(row.values["id"]),
      dimension: oneOf(row.values["dimension"], DIMENSION_KEYS),
      text: asText(row.values["requirement"]),
      obligation: oneOf(row.values["obligation"], OBLIGATIONS),
      rolesText,
      roles: roles.roles,
      unknownRoles: roles.unknown,
      statuses: SLOTS.map((slot) => oneOf(row.values[statusColumn(slot)], REQUIREMENT_STATUSES)),
    };
  });
  const workplaceRows = parsedTable(workbook, SHEET.workplaces)?.rows ?? [];
  const workplaces = SLOTS.map((slot) => {
    const found = workplaceRows[slot - 1];
    return Object.fromEntries(ROLE_COLUMNS.map((role) => [role, asNumber(found?.values[role])]));
  });
  return {
    file: workbook.fileName,
    partnershipName: asText(settings?.values["partnershipName"]),
    towns: profileTowns(workbook),
    rows,
    workplaces,
  };
}

/** The rows a computation can use: id, dimension, text and obligation all present. */
function completeRows(profile: ExtractedWorkplaceProfile) {
  return profile.rows.flatMap((row) =>
    row.id !== "" && row.dimension !== null && row.obligation !== null
      ? [{ ...row, dimension: row.dimension, obligation: row.obligation }]
      : [],
  );
}

/**
 * The profile as lib/workplace computes it: the named towns, and every complete requirement row
 * with the statuses of those towns (call after validation: a valid workbook has only complete rows).
 */
export function toWorkplaceProfile(profile: ExtractedWorkplaceProfile): WorkplaceProfile {
  return {
    towns: profile.towns.map((town) => town.name),
    requirements: completeRows(profile).map((row): WorkplaceRequirement => ({
      id: row.id,
      dimension: row.dimension,
      text: row.text,
      obligation: row.obligation,
      roles: row.roles,
      rolesText: row.rolesText,
      statuses: profile.towns.map((town) => row.statuses[town.slot - 1] ?? null),
    })),
  };
}

/** A slot's workplaces per role, blank counted as 0; `null` when every count is blank. */
function slotWorkplaces(profile: ExtractedWorkplaceProfile, slot: number): Record<string, number> | null {
  const counts = profile.workplaces[slot - 1] ?? {};
  if (Object.values(counts).every((count) => count === null)) return null;
  return Object.fromEntries(Object.entries(counts).map(([role, count]) => [role, count ?? 0]));
}

/** Each named town's profile, for `compareProfiles` (one per named slot). */
export function townAssessments(profile: ExtractedWorkplaceProfile): TownAssessment[] {
  const rows = completeRows(profile);
  return profile.towns.map((town) => ({
    town: town.name,
    source: profile.file,
    requirements: rows.map((row) => ({
      id: row.id,
      dimension: row.dimension,
      text: row.text,
      obligation: row.obligation,
      roles: row.roles,
      rolesText: row.rolesText,
      status: row.statuses[town.slot - 1] ?? null,
    })),
    workplaces: slotWorkplaces(profile, town.slot),
  }));
}

/**
 * The workplaces per town — the sum of its counts per role — for the cost model's key
 * „workplaces“ (`Town.workplaces` in lib/allocation). Towns whose counts are all blank are left out,
 * so the cost model reports them as missing rather than splitting nothing to them.
 *
 * @example workplacesPerTown(workbook) // → { Zschorlau: 38, Schönheide: 31, Stützengrün: 22, Bockau: 14 }
 */
export function workplacesPerTown(workbook: ParsedWorkbook): Readonly<Record<string, number>> {
  const profile = extractWorkplaceProfile(workbook);
  const totals = new Map<string, number>();
  for (const town of profile.towns) {
    const counts = slotWorkplaces(profile, town.slot);
    if (counts === null || totals.has(town.name)) continue;
    totals.set(
      town.name,
      Object.values(counts).reduce((sum, count) => sum + count, 0),
    );
  }
  return Object.fromEntries(totals);
}
