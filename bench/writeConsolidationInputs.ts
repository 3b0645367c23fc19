/**
 * The consolidation benchmark's input: the files a partnership of `towns` towns hands in — per
 * town one file of every registered template that takes a town, made as `ikz template ID --demo
 * --town NAME` makes it, except that the task catalogue gets `rows` products (codes 100000, …),
 * so it has `rows` task rows with demo figures and ratings; and one group file of every template
 * that takes no town (the cost model, with all the towns when it takes a list of them).
 * Iterates the registry, so templates registered later are included without a change here.
 */
import { costAllocationSpec } from "../templates/kostenverteilung/spec.js";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { DEMO_TOWNS } from "../templates/aufgabenkatalog/demo.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { TEMPLATES, type TemplateModule, type TemplatePlanOptions } from "../templates/registry.js";
import { benchProducts } from "./benchProducts.js";

/** The four demo towns, then „Musterstadt 5“, „Musterstadt 6“, … */
export function benchTownNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => DEMO_TOWNS[index]?.name ?? `Musterstadt ${index + 1}`);
}

export interface ConsolidationInputs {
  readonly files: number;
  readonly bytes: number;
  /** Files per template id. */
  readonly perTemplate: Readonly<Record<string, number>>;
}

/** Writes the input files into `dir` (which must exist), named `<template>-<NN>.xlsx` and `<template>-gruppe.xlsx`. */
export async function writeConsolidationInputs(dir: string, towns: number, rows: number): Promise<ConsolidationInputs> {
  const names = benchTownNames(towns);
  const products = benchProducts(rows);
  const perTemplate: Record<string, number> = {};
  let files = 0;
  let bytes = 0;
  const write = async (module: TemplateModule, suffix: string, options: TemplatePlanOptions): Promise<void> => {
    const id = module.spec.id;
    const path = join(dir, `${id}-${suffix}.xlsx`);
    await writePlanToFile(module.plan(options).plan, path, { force: true });
    perTemplate[id] = (perTemplate[id] ?? 0) + 1;
    files++;
    bytes += (await stat(path)).size;
  };
  for (const module of TEMPLATES) {
    // the cost model is one group file for all towns; every other template one file per town
    if (module.takes.town && module.spec.id !== costAllocationSpec.id) {
      for (const [index, town] of names.entries()) {
        const options: TemplatePlanOptions = {
          language: "de",
          town,
          demo: true,
          ...(module.spec.id === taskCatalogueSpec.id ? { products } : {}),
        };
        await write(module, String(index + 1).padStart(2, "0"), options);
      }
    } else {
      await write(module, "gruppe", { language: "de", demo: true, ...(module.takes.towns ? { towns: names } : {}) });
    }
  }
  return { files, bytes, perTemplate };
}
