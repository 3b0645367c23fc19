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
 * Every finding has the code `template.rule` with the whole sentence, and its file, sheet, cell,
 * expected and found value.
 */
import { cellAddress } from "../../lib/cells/address.js";
import { normalizeTownName } from "../../lib/allocation/validateCostModel.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createIssue, type Severity, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { requirementKey } from "../../lib/workplace/compareProfiles.js";
import { DIMENSION_KEYS } from "../../lib/workplace/model.js";
import { ROLE_COLUMNS, SHEET, SLOTS, statusColumn, townField } from "./layout.js";
import { ALL_ROLES_WORDS, DIMENSIONS, ROLES } from "./reference.js";
import { extractWorkplaceProfile } from "./workplaceProfile.js";

interface Finding {
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string | undefined;
  readonly message: LocalizedText;
  readonly expected: LocalizedText;
  readonly received: LocalizedText;
}

const same = (text: string): LocalizedText => ({ de: text, en: text });
const quote = (text: string): LocalizedText => ({ de: `„${text}“`, en: `“${text}”` });

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
        message: {
          de: `Die Nummer „${row.id}“ gibt es schon in ${sheet}!${first}; jede Anforderung braucht eine eigene Nummer.`,
          en: `The id “${row.id}” is already used in ${sheet}!${first}; every requirement needs its own id.`,
        },
        expected: { de: "eine noch nicht vergebene Nummer", en: "an id not used yet" },
        received: same(row.id),
      });
    }

    const roleList = ROLES.map((role) => role.label[language]).join(", ");
    for (const row of profile.rows) {
      if (row.unknownRoles.length === 0) continue;
      const unknown = row.unknownRoles.join("; ");
      findings.push({
        severity: "error",
        sheet,
        cell: at(row.row, "roles"),
        message: {
          de: `Unbekannte Rolle „${unknown}“. Rollen aus der Liste mit „;“ trennen, oder leer lassen bzw. „${ALL_ROLES_WORDS.de}“ schreiben, wenn die Anforderung für alle Rollen gilt.`,
          en: `Unknown role “${unknown}”. Separate roles from the list with “;”, or leave the cell empty or write “${ALL_ROLES_WORDS.en}” when the requirement applies to every role.`,
        },
        expected: {
          de: `Rollen aus: ${roleList}; oder leer/„${ALL_ROLES_WORDS.de}“`,
          en: `roles from: ${roleList}; or empty/“${ALL_ROLES_WORDS.en}”`,
        },
        received: quote(row.rolesText),
      });
    }

    const named = new Set(profile.towns.map((town) => town.slot));
    for (const slot of SLOTS) {
      if (named.has(slot)) continue;
      const first = profile.rows.find((row) => row.statuses[slot - 1] !== null);
      const column = requirements.columns.get(statusColumn(slot));
      if (!first || column === undefined) continue;
      const nameCell = settings?.cells[townField(slot)];
      const nameAt = settings && nameCell ? `${settings.sheetName}!${nameCell}` : `Kommune ${slot}`;
      findings.push({
        severity: "error",
        sheet,
        cell: cellAddress(first.row, column),
        message: {
          de: `In der Spalte „Status ${slot}“ stehen Bewertungen, aber Kommune ${slot} hat keinen Namen (${nameAt}). Bitte den Namen eintragen oder die Bewertungen löschen.`,
          en: `The column “Status ${slot}” holds assessments, but town ${slot} has no name (${nameAt}). Please enter the name or delete the assessments.`,
        },
        expected: { de: `ein Name für Kommune ${slot}`, en: `a name for town ${slot}` },
        received: { de: "kein Name", en: "no name" },
      });
    }

    if (profile.rows.length === 0) {
      findings.push({
        severity: "warning",
        sheet,
        message: {
          de: "Das Profil enthält keine Anforderung; es gibt nichts zu bewerten.",
          en: "The profile holds no requirement; there is nothing to assess.",
        },
        expected: { de: "mindestens eine Anforderung", en: "at least one requirement" },
        received: { de: "keine", en: "none" },
      });
    } else {
      const headerColumn = requirements.columns.get("dimension");
      for (const dimension of DIMENSION_KEYS) {
        if (profile.rows.some((row) => row.dimension === dimension)) continue;
        const label = DIMENSIONS.find((d) => d.key === dimension)?.label ?? same(dimension);
        findings.push({
          severity: "warning",
          sheet,
          cell: headerColumn === undefined ? undefined : cellAddress(requirements.headerRow, headerColumn),
          message: {
            de: `Für die Dimension „${label.de}“ gibt es keine Anforderung; ihr Erfüllungsgrad bleibt leer.`,
            en: `The dimension “${label.en}” has no requirement; its fulfilment stays empty.`,
          },
          expected: { de: "mindestens eine Anforderung je Dimension", en: "at least one requirement per dimension" },
          received: { de: "keine", en: "none" },
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
        message: {
          de: `Die Kommune „${town.name}“ steht schon in ${settings.sheetName}!${first}; jede Kommune bekommt nur eine Spalte.`,
          en: `The town “${town.name}” is already named in ${settings.sheetName}!${first}; each town gets one column only.`,
        },
        expected: { de: "jede Kommune einmal", en: "each town once" },
        received: same(town.name),
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
        message: {
          de: `Für Kommune ${slot} sind Arbeitsplätze eingetragen, aber sie hat auf „Angaben“ keinen Namen. Bitte den Namen eintragen oder die Zahlen löschen.`,
          en: `Workplaces are entered for town ${slot}, but it has no name on “Settings”. Please enter the name or delete the numbers.`,
        },
        expected: { de: `ein Name für Kommune ${slot}`, en: `a name for town ${slot}` },
        received: { de: "kein Name", en: "no name" },
      });
    }
  }

  return findings.map((finding) =>
    createIssue(
      finding.severity,
      "template.rule",
      language,
      { file: workbook.fileName, sheet: finding.sheet, cell: finding.cell },
      { value: finding.message[language], expected: finding.expected[language], received: finding.received[language] },
    ),
  );
}
