/** The benchmarks' product lists and the task catalogue made from them. */
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";

/** The town's products: `rows` unique six-digit codes (100000, 100001, …) with names. */
export function benchProducts(rows: number): { code: string; name: string }[] {
  const products: { code: string; name: string }[] = [];
  for (let i = 0; i < rows; i++)
    products.push({ code: String(100000 + i), name: `Aufgabe ${i + 1} der Gemeindeverwaltung` });
  return products;
}

/** A demo task catalogue of Zschorlau with these products (one task row each, demo figures and ratings). */
export function planBenchCatalogue(products: readonly { code: string; name: string }[]): WorkbookPlan {
  return planTaskCatalogue({ language: "de", town: "Zschorlau", products, demo: true }).plan;
}
