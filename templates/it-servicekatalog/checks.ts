import { cellAddress } from "../../lib/cells/address.js";
import type { FindingOf } from "../../lib/messages/findings.js";
import { assessServices } from "../../lib/services/assessServices.js";
import { monthsBetween } from "../../lib/services/contractWindow.js";
import {
  CRITICALITIES,
  DEFAULT_WINDOW_MONTHS,
  LIFECYCLE_STAGES,
  OPERATING_MODELS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  isOneOf,
  type AssessedService,
  type CatalogueService,
} from "../../lib/services/model.js";
import { parseProductCodes } from "../../lib/services/parseProductCodes.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { formatDate } from "../../lib/validation/parseCell.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { createFinding, type Severity, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { isFrameworkCode } from "../reference/productFramework.js";
import { SERVICE_CATALOGUE_FINDINGS } from "./findings.js";
import { SHEET } from "./spec.js";
import { fileStem, missingTownName } from "../common/townName.js";

/** One service row of a town, typed, with its sheet row. */
export interface CatalogueRow extends CatalogueService {
  readonly row: number;
}

/** A town's validated service catalogue. */
export interface ServiceCatalogue {
  readonly file: string;
  /** The town's name, or the file name without `.xlsx` when it names none. */
  readonly town: string;
  readonly referenceDate: Date | null;
  readonly windowMonths: number;
  readonly services: readonly CatalogueRow[];
  /** Sheet name and columns (by key) of the services table, to point at cells. */
  readonly servicesSheet: string;
  readonly columns: ReadonlyMap<string, number>;
}

/** Computed columns of the services sheet, as `lib/services` names them. */
export const COMPUTED_KEYS = ["costPerUser", "monthsToEnd", "window", "score"] as const;

/** An assessed service with the address of each computed cell, e.g. `Services!O5`. */
export interface AssessedRow extends AssessedService {
  readonly row: number;
  readonly cells: Readonly<Record<(typeof COMPUTED_KEYS)[number], string>>;
}

/** `/pfad/zu/bockau.xlsx` → `bockau`. */
const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);
const asText = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const asDate = (value: unknown): Date | null => (value instanceof Date ? value : null);

/** The town a workbook names on its town sheet, if any. */
export function townOfServiceCatalogue(workbook: ParsedWorkbook): string | undefined {
  return asText(parsedForm(workbook, SHEET.town)?.values["name"]) ?? undefined;
}

/**
 * The service catalogue's own checks, beyond what every cell's type checks: product codes
 * well-formed (error) and in the product framework (warning: the town's own code), contract end
 * not before the reference date (warning), users 0 with a cost (warning), each service id once
 * (error; case and spaces ignored), the town's name (warning), at least one service (warning).
 */
export function checkServiceCatalogue(workbook: ParsedWorkbook, language: Language): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const file = workbook.fileName;
  const rule = (
    severity: Severity,
    sheet: string,
    cell: string | undefined,
    found: FindingOf<typeof SERVICE_CATALOGUE_FINDINGS>,
  ): void => {
    issues.push(
      createFinding(SERVICE_CATALOGUE_FINDINGS, severity, found.code, language, { file, sheet, cell }, found.params),
    );
  };
  const town = parsedForm(workbook, SHEET.town);
  const reference = asDate(town?.values["referenceDate"]);
  issues.push(...missingTownName(town, file, language));
  const services = parsedTable(workbook, SHEET.services);
  if (services) {
    const at = (key: string, row: number): string | undefined => {
      const column = services.columns.get(key);
      return column === undefined ? undefined : cellAddress(row, column);
    };
    const firstSeen = new Map<string, string>();
    for (const row of services.rows) {
      const id = asText(row.values["serviceId"]);
      const idCell = at("serviceId", row.row);
      if (id !== null && idCell !== undefined) {
        const key = id.toLowerCase().replace(/\s+/g, "");
        const first = firstSeen.get(key);
        if (first === undefined) firstSeen.set(key, idCell);
        else
          rule("error", services.sheetName, idCell, {
            code: "it-servicekatalog.duplicateServiceId",
            params: { id, first: `${services.sheetName}!${first}` },
          });
      }
      const codes = row.values["productCodes"];
      if (typeof codes === "string" || typeof codes === "number") {
        const parsed = parseProductCodes(codes);
        const cell = at("productCodes", row.row);
        for (const part of parsed.invalid)
          rule("error", services.sheetName, cell, { code: "it-servicekatalog.invalidProductCode", params: { part } });
        for (const code of parsed.codes) {
          if (!isFrameworkCode(code))
            rule("warning", services.sheetName, cell, {
              code: "it-servicekatalog.unknownProductCode",
              params: { code },
            });
        }
      }
      const end = asDate(row.values["contractEnd"]);
      if (end !== null && reference !== null && monthsBetween(reference, end) < 0) {
        rule("warning", services.sheetName, at("contractEnd", row.row), {
          code: "it-servicekatalog.contractEnded",
          params: { end: formatDate(end), reference: formatDate(reference) },
        });
      }
      const cost = asNumber(row.values["annualCost"]);
      if (row.values["users"] === 0 && cost !== null && cost > 0) {
        rule("warning", services.sheetName, at("users", row.row), {
          code: "it-servicekatalog.usersZeroWithCost",
          params: { cost },
        });
      }
    }
    if (services.rows.length === 0)
      rule("warning", services.sheetName, undefined, { code: "it-servicekatalog.noServices", params: {} });
  }
  return issues;
}

/**
 * The typed catalogue of a validated workbook (call only when validation found no errors).
 * Every row in use is kept, in sheet order, as the sheet's formulas see them.
 */
export function extractServiceCatalogue(workbook: ParsedWorkbook): ServiceCatalogue {
  const town = parsedForm(workbook, SHEET.town);
  const table = parsedTable(workbook, SHEET.services);
  const services: CatalogueRow[] = (table?.rows ?? []).map((row) => {
    const v = row.values;
    const codes = v["productCodes"];
    return {
      id: asText(v["serviceId"]) ?? "",
      name: asText(v["name"]) ?? "",
      category: isOneOf(SERVICE_CATEGORIES, v["category"]) ? v["category"] : null,
      software: asText(v["software"]) ?? "",
      vendor: asText(v["vendor"]),
      productCodes: typeof codes === "string" || typeof codes === "number" ? parseProductCodes(codes).codes : [],
      operatingModel: isOneOf(OPERATING_MODELS, v["operatingModel"]) ? v["operatingModel"] : null,
      users: asNumber(v["users"]),
      annualCost: asNumber(v["annualCost"]),
      contractEnd: asDate(v["contractEnd"]),
      criticality: isOneOf(CRITICALITIES, v["criticality"]) ? v["criticality"] : null,
      status: isOneOf(SERVICE_STATUSES, v["status"]) ? v["status"] : null,
      lifecycle: isOneOf(LIFECYCLE_STAGES, v["lifecycle"]) ? v["lifecycle"] : null,
      interfaces: asText(v["interfaces"]),
      row: row.row,
    };
  });
  return {
    file: workbook.fileName,
    town: asText(town?.values["name"]) ?? fileStem(workbook.fileName),
    referenceDate: asDate(town?.values["referenceDate"]),
    windowMonths: asNumber(town?.values["windowMonths"]) ?? DEFAULT_WINDOW_MONTHS,
    services,
    servicesSheet: table?.sheetName ?? "",
    columns: table?.columns ?? new Map(),
  };
}

/** Cost per user, months, window and score of every service, each with the cell the sheet shows it in. */
export function assessServiceCatalogue(catalogue: ServiceCatalogue): AssessedRow[] {
  const assessed = assessServices(catalogue.services, {
    referenceDate: catalogue.referenceDate,
    windowMonths: catalogue.windowMonths,
  });
  const cell = (key: string, row: number): string => {
    const column = catalogue.columns.get(key);
    return column === undefined ? "" : `${catalogue.servicesSheet}!${cellAddress(row, column)}`;
  };
  return assessed.map((service) => ({
    ...service,
    cells: {
      costPerUser: cell("costPerUser", service.row),
      monthsToEnd: cell("monthsToEnd", service.row),
      window: cell("window", service.row),
      score: cell("score", service.row),
    },
  }));
}
