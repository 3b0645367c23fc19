import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";

/** Kinds of municipal tasks: mandatory (self-governed or delegated) or voluntary. */
export type TaskKind = "mandatorySelfGoverned" | "mandatoryDelegated" | "voluntary";

export const TASK_KINDS: readonly { readonly key: TaskKind; readonly label: LocalizedText }[] = [
  { key: "mandatorySelfGoverned", label: { de: "Pflichtaufgabe (weisungsfrei)", en: "Mandatory (self-governed)" } },
  { key: "mandatoryDelegated", label: { de: "Pflichtaufgabe (weisungsgebunden)", en: "Mandatory (delegated)" } },
  { key: "voluntary", label: { de: "Freiwillige Aufgabe", en: "Voluntary task" } },
];
