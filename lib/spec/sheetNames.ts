/**
 * The names a template's sheet had in earlier versions, from the spec's history: the reader and
 * `ikz upgrade` find a sheet of an older workbook under them (e.g. PESTEL's „Kommune“, called
 * „PESTEL-Kommune“ since templates share workbooks; docs/decisions/0010).
 */
import type { LocalizedText, TemplateSpec } from "./TemplateSpec.js";

/** Compares `major.minor.patch` versions: negative when a < b (as lib/validation's compareVersions). */
function compare(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Every earlier name of sheet `key`, newest first, without the current one.
 * @param since a workbook's template version: only the names it (or a later earlier version) used;
 *   omitted or unknown: all of them.
 */
export function formerSheetNames(spec: TemplateSpec, key: string, since?: string): LocalizedText[] {
  const current = spec.sheets.find((sheet) => sheet.key === key)?.name;
  const names: LocalizedText[] = [];
  const revisions = [...(spec.history ?? [])]
    .filter((r) => compare(r.version, spec.version) < 0 && (since === undefined || compare(r.version, since) >= 0))
    .sort((a, b) => compare(b.version, a.version));
  for (const revision of revisions) {
    const name = revision.sheets.find((sheet) => sheet.key === key)?.name;
    if (!name) continue;
    const seen = [current, ...names].some((other) => other?.de === name.de && other.en === name.en);
    if (!seen) names.push(name);
  }
  return names;
}
