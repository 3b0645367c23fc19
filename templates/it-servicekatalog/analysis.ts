/**
 * The IT service catalogue's group analysis (TemplateAnalysis): reads one or several towns'
 * validated catalogues, assesses every service as its sheet does, and finds the consolidation
 * candidates of lib/services/analyseConsolidation — harmonisation, joint contracts, windows of
 * opportunity (per town and grouped), redundancies within a town.
 */
import {
  analyseConsolidation,
  compareText,
  isoDay,
  type ConsolidationAnalysis,
} from "../../lib/services/analyseConsolidation.js";
import { countNoun } from "../../lib/messages/plural.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { AnalysisSource, TemplateAnalysis } from "../analysis.js";
import { findProduct } from "../reference/productFramework.js";
import { planConsolidationWorkbook } from "./planConsolidationWorkbook.js";
import { assessServiceCatalogue, extractServiceCatalogue, townOfServiceCatalogue } from "./checks.js";

/** One analysed workbook, as listed on the overview. */
export interface ServiceAnalysisSource {
  readonly town: string;
  readonly file: string;
  /** `YYYY-MM-DD`, or null when the workbook has none. */
  readonly referenceDate: string | null;
  readonly windowMonths: number;
  readonly serviceCount: number;
  /** Sum of the annual costs in € (summed in cents). */
  readonly totalAnnualCost: number;
}

export interface ServiceAnalysisResult extends ConsolidationAnalysis {
  /** By town, then file. */
  readonly sources: readonly ServiceAnalysisSource[];
}

/** Analyses the towns' service catalogues (sources whose validation found errors are left out by the caller). */
export function analyseServiceCatalogues(sources: readonly AnalysisSource[]): ServiceAnalysisResult {
  const towns = sources.map((source) => {
    const catalogue = extractServiceCatalogue(source.workbook);
    const services = assessServiceCatalogue(catalogue).filter((s) => s.id !== "");
    return {
      town: source.town,
      services,
      source: {
        town: source.town,
        file: catalogue.file,
        referenceDate: catalogue.referenceDate === null ? null : isoDay(catalogue.referenceDate),
        windowMonths: catalogue.windowMonths,
        serviceCount: services.length,
        totalAnnualCost: services.reduce((sum, s) => sum + Math.round((s.annualCost ?? 0) * 100), 0) / 100,
      },
    };
  });
  const analysis = analyseConsolidation(towns, { productName: (code) => findProduct(code)?.name });
  const listed = towns.map((t) => t.source).sort((a, b) => compareText(a.town, b.town) || compareText(a.file, b.file));
  return { ...analysis, sources: listed };
}

const MONEY: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** The headline figures, one line each. */
export function summariseServiceAnalysis(result: ServiceAnalysisResult, language: Language): string[] {
  const services = result.sources.reduce((sum, s) => sum + s.serviceCount, 0);
  const cost = MONEY[language].format(
    result.sources.reduce((sum, s) => sum + Math.round(s.totalAnnualCost * 100), 0) / 100,
  );
  const towns = result.towns.length;
  const windowCodes = result.windowGroups.length;
  if (language === "de") {
    return [
      `${countNoun(towns, "Kommune", "Kommunen", "de")}, ${countNoun(services, "Service", "Services", "de")}, Jahreskosten zusammen ${cost} €.`,
      `Harmonisierung: ${countNoun(result.harmonisation.length, "Produktcode wird", "Produktcodes werden", "de")} in mehreren Kommunen von unterschiedlicher Software unterstützt.`,
      `Gemeinsame Verträge: ${countNoun(result.jointContracts.length, "Softwareprodukt ist", "Softwareprodukte sind", "de")} in mehreren Kommunen im Einsatz.`,
      `Zeitfenster: ${countNoun(result.windows.length, "Vertrag endet", "Verträge enden", "de")} im Zeitfenster, bei ${countNoun(windowCodes, "Produktcode", "Produktcodes", "de")} in mehreren Kommunen zugleich.`,
      `Redundanzen: ${result.redundancies.length}-mal betreibt eine Kommune mehrere Services einer Kategorie für denselben Produktcode.`,
    ];
  }
  return [
    `${countNoun(towns, "town", "towns", "en")}, ${countNoun(services, "service", "services", "en")}, annual cost together €${cost}.`,
    `Harmonisation: ${countNoun(result.harmonisation.length, "product code is", "product codes are", "en")} supported by different software in several towns.`,
    `Joint contracts: ${countNoun(result.jointContracts.length, "software product is", "software products are", "en")} used in several towns.`,
    `Windows: ${countNoun(result.windows.length, "contract ends", "contracts end", "en")} within the window, for ${countNoun(windowCodes, "product code", "product codes", "en")} in several towns at once.`,
    `Redundancies: ${result.redundancies.length === 1 ? "once" : `${result.redundancies.length} times`} a town runs several services of one category for the same product code.`,
  ];
}

/** The service catalogue's analysis, as `ikz analyse` and the pane use it. */
export const serviceCatalogueAnalysis: TemplateAnalysis<ServiceAnalysisResult> = {
  analyse: (sources) => analyseServiceCatalogues(sources),
  plan: (result, language) => planConsolidationWorkbook(result, language, (l) => summariseServiceAnalysis(result, l)),
  summary: summariseServiceAnalysis,
  townOf: townOfServiceCatalogue,
};
