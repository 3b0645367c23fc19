/**
 * The task catalogue's analysis for `ikz analyse`, the pane and the partnership workbook: the
 * towns' priorities in figures and the joint roadmap (products in at least two towns, synergies).
 */
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { renderRoadmapText } from "../../lib/messages/roadmapTexts.js";
import { formatNumberFor } from "../../lib/messages/terms.js";
import { buildRoadmap, type Roadmap } from "../../lib/roadmap/buildRoadmap.js";
import { planRoadmapWorkbook } from "../../lib/roadmap/planRoadmapWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { parsedForm, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import type { TemplateAnalysis } from "../analysis.js";
import { MEASURES } from "../reference/measures.js";
import { SHEET } from "./spec.js";
import { extractTaskCatalogue, toRoadmapTown } from "./checks.js";

export interface CatalogueTownSummary {
  readonly town: string;
  readonly file: string;
  readonly templateVersion: string;
  readonly taskCount: number;
  readonly classACount: number;
}

export interface CatalogueAnalysis {
  readonly towns: readonly CatalogueTownSummary[];
  /** Over all towns; without entries when fewer than two towns took part. */
  readonly roadmap: Roadmap;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

export const catalogueAnalysis: TemplateAnalysis<CatalogueAnalysis> = {
  analyse(sources) {
    const catalogues = sources.map((source) => ({ ...extractTaskCatalogue(source.workbook), town: source.town }));
    const towns = catalogues.map(toRoadmapTown);
    return {
      towns: catalogues.map((catalogue, index) => ({
        town: catalogue.town,
        file: sources[index]?.workbook.fileName ?? catalogue.file,
        templateVersion: sources[index]?.workbook.metadata.templateVersion ?? "?",
        taskCount: catalogue.tasks.length,
        classACount: towns[index]?.tasks.filter((task) => task.class === "A").length ?? 0,
      })),
      roadmap: buildRoadmap(towns, MEASURES),
    };
  },
  plan(result, language) {
    const sources = result.towns.map((town) => ({
      file: town.file,
      town: town.town,
      templateVersion: town.templateVersion,
      taskCount: town.taskCount,
    }));
    return { plan: planRoadmapWorkbook(result.roadmap, sources, language) };
  },
  summary(result, language: Language) {
    const lines = [
      renderCliText("roadmapHeader", language, {
        value: result.roadmap.towns.join(", "),
        count: result.roadmap.entries.length,
      }),
    ];
    result.roadmap.entries.slice(0, 10).forEach((entry, index) => {
      const mean = formatNumberFor(Math.round(entry.meanScore * 10) / 10, language);
      const figures = renderCliText("roadmapFigures", language, {
        count: entry.townCount,
        value: String(entry.classACount),
        other: mean,
      });
      const lead = renderRoadmapText("cliLead", language, { town: entry.lead.town });
      lines.push(`${String(index + 1).padStart(3)}. ${entry.code.padEnd(6)} ${entry.name} — ${figures} — ${lead}`);
    });
    return lines;
  },
  townOf(workbook: ParsedWorkbook) {
    return text(parsedForm(workbook, SHEET.town)?.values["name"]);
  },
  keyValues(workbook: ParsedWorkbook) {
    const population = parsedForm(workbook, SHEET.town)?.values["population"];
    return typeof population === "number" ? { population } : {};
  },
};
