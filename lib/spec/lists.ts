import type { Language, ListEntry, TemplateSpec } from "./TemplateSpec.js";

/** What a cell holding this list entry shows: the label in the language, else the value. */
export function listCellText(entry: ListEntry, language: Language): string {
  return entry.label ? entry.label[language] : entry.value;
}

/**
 * Maps a cell's text back to a list entry's value, accepting the value itself or its label in
 * any language (a German workbook read with English messages, and the other way round).
 */
export function lookupListValue(spec: TemplateSpec, listKey: string, text: string): string | undefined {
  const list = spec.lists[listKey];
  if (!list) return undefined;
  const wanted = normaliseListText(text);
  for (const language of ["de", "en"] as const) {
    for (const entry of list.entries(language)) {
      if (normaliseListText(entry.value) === wanted) return entry.value;
      if (
        entry.label &&
        (normaliseListText(entry.label.de) === wanted || normaliseListText(entry.label.en) === wanted)
      ) {
        return entry.value;
      }
    }
  }
  return undefined;
}

function normaliseListText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
