import { seededRandom } from "../../lib/numbers/seededRandom.js";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { TASK_KINDS } from "./taskKinds.js";

/**
 * The illustrative partnership of the docs and screenshots: four small towns of the
 * Erzgebirge with approximate populations. Every figure below is invented for demonstration.
 */
export const DEMO_TOWNS = [
  { name: "Zschorlau", population: 5300 },
  { name: "Schönheide", population: 4600 },
  { name: "Stützengrün", population: 3300 },
  { name: "Bockau", population: 2000 },
] as const;

/** Share of the framework's products a demo town lists (towns differ in what they provide). */
const DEMO_PRODUCT_SHARE = 0.7;

/** The products a demo town provides: a different, deterministic subset per town. */
export function demoProducts<T>(town: string, products: readonly T[]): T[] {
  const random = seededRandom(`ikz-demo-products:${town}`);
  return products.filter(() => random() < DEMO_PRODUCT_SHARE);
}

/** Plausible invented task figures for a town, deterministic per town name. */
export function demoTaskRows(
  town: string,
  population: number,
  products: readonly { readonly code: string; readonly name: string }[],
  language: Language,
): RowValues[] {
  const random = seededRandom(`ikz-demo:${town}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rating = () => Math.min(3, Math.floor(random() * 4));
  const scale = population / 4000;
  const units = language === "de" ? ["Hauptamt", "Kämmerei", "Ordnungsamt", "Bauamt", "Bürgerbüro"] : ["Central office", "Treasury", "Public order", "Building office", "Citizens' office"];
  return products.map((product) => {
    const cases = Math.round((20 + random() * 900) * scale);
    return {
      code: product.code,
      name: product.name,
      taskKind: pick(TASK_KINDS).label[language],
      unit: pick(units),
      fte: Math.round((0.05 + random() * 1.5) * scale * 100) / 100,
      casesPerYear: cases,
      minutesPerCase: Math.round((5 + random() * 115) * 10) / 10,
      annualCost: Math.round((2000 + random() * 90000) * scale * 100) / 100,
      strategicImportance: rating(),
      politicalSignificance: rating(),
      financialLegalRelevance: rating(),
      needForAction: rating(),
      specialisation: rating(),
    };
  });
}
