/**
 * The profile's own rules, beyond what the reader checks cell by cell (required fields, list
 * values for dimension, obligation and status, whole numbers for workplaces):
 *
 * - each requirement id once (trimmed, case ignored);
 * - roles only from the list (several separated by `;`), or empty / „alle“ for every role;
 * - no status and no workplace count in the column or row of a town slot without a name;
 * - each town named once;
 * - every dimension with at least one requirement (a warning: the group may leave one out).
 *
 * Every finding has its named code (templates/arbeitsplatzprofil/findings.ts), file, sheet, cell,
 * expected and found value.
 */
import { cellAddress } from "../../lib/cells/address.js";
import { normalizeTownName } from "../../lib/allocation/validateCostModel.js";
import type { FindingOf } from "../../lib/messages/findings.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createFinding, type Severity, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { requirementKey } from "../../lib/workplace/compareProfiles.js";
import { DIMENSION_KEYS } from "../../lib/workplace/model.js";
import { ROLE_COLUMNS, SHEET, SLOTS, statusColumn, townField } from "./layout.js";
import { WORKPLACE_PROFILE_FINDINGS } from "./findings.js";
import { extractWorkplaceProfile } from "./workplaceProfile.js";

type Finding = {
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string | undefined;
} & FindingOf<typeof WORKPLACE_PROFILE_FINDINGS>;

/** The profile's own rules; see the module comment. */
export function checkWorkplaceProfile(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const findings: Finding[] = [];
  const profile = extractWorkplaceProfile(workbook);
  const requirements = parsedTable(workbook, SHEET.requirements);
  const settings = parsedForm(workbook, SHEET.settings);
  const workplaces = parsedTable(workbook, SHEET.workplaces);

  if (requirements) {
    const sheet = requirements.sheetName;
    const at = (row: number, key: string): string | undefined => {
      const column = requirements.columns.get(key);
      return column === undefined ? undefined : cellAddress(row, column);
    };

    const firstIds = new Map<string, string>();
    for (const row of profile.rows) {
      if (row.id === "") continue;
      const key = requirementKey(row.id);
      const cell = at(row.row, "id");
      const first = firstIds.get(key);
      if (first === undefined) {
        if (cell !== undefined) firstIds.set(key, cell);
        continue;
      }
      findings.push({
        severity: "error",
        sheet,
        cell,
        code: "arbeitsplatzprofil.duplicateRequirementId",
        params: { id: row.id, first: `${sheet}!${first}` },
      });
    }

    for (const row of profile.rows) {
      if (row.unknownRoles.length === 0) continue;
      const unknown = row.unknownRoles.join("; ");
      findings.push({
        severity: "error",
        sheet,
        cell: at(row.row, "roles"),
        code: "arbeitsplatzprofil.unknownRole",
        params: { unknown, typed: row.rolesText },
      });
    }

    const named = new Set(profile.towns.map((town) => town.slot));
    for (const slot of SLOTS) {
      if (named.has(slot)) continue;
      const first = profile.rows.find((row) => row.statuses[slot - 1] !== null);
      const column = requirements.columns.get(statusColumn(slot));
      if (!first || column === undefined) continue;
      const nameCell = settings?.cells[townField(slot)];
      const nameAt = settings && nameCell ? `${settings.sheetName}!${nameCell}` : undefined;
      findings.push({
        severity: "error",
        sheet,
        cell: cellAddress(first.row, column),
        code: "arbeitsplatzprofil.statusWithoutTown",
        params: { slot, nameAt },
      });
    }

    if (profile.rows.length === 0) {
      findings.push({
        severity: "warning",
        sheet,
        code: "arbeitsplatzprofil.noRequirements",
        params: {},
      });
    } else {
      const headerColumn = requirements.columns.get("dimension");
      for (const dimension of DIMENSION_KEYS) {
        if (profile.rows.some((row) => row.dimension === dimension)) continue;
        findings.push({
          severity: "warning",
          sheet,
          cell: headerColumn === undefined ? undefined : cellAddress(requirements.headerRow, headerColumn),
          code: "arbeitsplatzprofil.dimensionWithoutRequirement",
          params: { dimension },
        });
      }
    }
  }

  if (settings) {
    const firstNames = new Map<string, string>();
    for (const town of profile.towns) {
      const cell = settings.cells[townField(town.slot)];
      const key = normalizeTownName(town.name);
      const first = firstNames.get(key);
      if (first === undefined) {
        if (cell !== undefined) firstNames.set(key, cell);
        continue;
      }
      findings.push({
        severity: "error",
        sheet: settings.sheetName,
        cell,
        code: "arbeitsplatzprofil.duplicateTown",
        params: { town: town.name, first: `${settings.sheetName}!${first}` },
      });
    }
  }

  if (workplaces) {
    const named = new Set(profile.towns.map((town) => town.slot));
    for (const slot of SLOTS) {
      if (named.has(slot)) continue;
      const row = workplaces.rows[slot - 1];
      const role = ROLE_COLUMNS.find((key) => typeof row?.values[key] === "number");
      const column = role === undefined ? undefined : workplaces.columns.get(role);
      if (!row || column === undefined) continue;
      findings.push({
        severity: "error",
        sheet: workplaces.sheetName,
        cell: cellAddress(row.row, column),
        code: "arbeitsplatzprofil.workplacesWithoutTown",
        params: { slot },
      });
    }
  }

  return findings.map((finding) =>
    createFinding(
      WORKPLACE_PROFILE_FINDINGS,
      finding.severity,
      finding.code,
      language,
      { file: workbook.fileName, sheet: finding.sheet, cell: finding.cell },
      finding.params,
    ),
  );
}
