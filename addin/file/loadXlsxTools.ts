/** The exceljs-backed tools, loaded on first use into their own chunk (see xlsxTools.ts). */
export type XlsxTools = typeof import("./xlsxTools.js");

let loading: Promise<XlsxTools> | undefined;

export function loadXlsxTools(): Promise<XlsxTools> {
  loading ??= import(/* webpackChunkName: "xlsx" */ "./xlsxTools.js").catch((error: unknown) => {
    loading = undefined; // a failed chunk load (e.g. a dropped connection) may be retried
    throw error;
  });
  return loading;
}
