/** Helpers to hand a workbook to the user as a download (Blob + object URL). */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface Download {
  readonly url: string;
  readonly fileName: string;
}

/** Wraps bytes in a Blob URL; revoke it with {@link revokeDownload} when it is no longer offered. */
export function createDownload(bytes: Uint8Array, fileName: string): Download {
  const blob = new Blob([new Uint8Array(bytes)], { type: XLSX_MIME });
  return { url: URL.createObjectURL(blob), fileName };
}

export function revokeDownload(download: Download | undefined): void {
  if (download) URL.revokeObjectURL(download.url);
}

const TRANSLITERATION: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * A file name part from free text: lower case, German umlauts spelled out, anything else
 * that is not a letter or digit turned into single hyphens.
 * @example fileNamePart("Stützengrün") // "stuetzengruen"
 */
export function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** `aufgabenkatalog-zschorlau.xlsx`, or `aufgabenkatalog.xlsx` without a town. */
export function templateFileName(templateId: string, town: string): string {
  const part = fileNamePart(town);
  return part === "" ? `${templateId}.xlsx` : `${templateId}-${part}.xlsx`;
}

/** `bockau.xlsx` → `bockau-ikz.xlsx`: the name of the changed copy of a picked file. */
export function changedFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base}-ikz.xlsx`;
}
