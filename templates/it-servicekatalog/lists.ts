/**
 * The labels of the service catalogue's lists, German first. Keys come from lib/services/model.ts;
 * the sheets show the labels, the reader maps any label (either language) or key back to its key.
 */
import {
  CRITICALITIES,
  LIFECYCLE_STAGES,
  OPERATING_MODELS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  type ContractWindow,
  type Criticality,
  type LifecycleStage,
  type OperatingModel,
  type ServiceCategory,
  type ServiceStatus,
} from "../../lib/services/model.js";
import type { ListEntry, LocalizedText } from "../../lib/spec/TemplateSpec.js";

export const CATEGORY_LABELS: Readonly<Record<ServiceCategory, LocalizedText>> = {
  baseComponent: { de: "Basiskomponente", en: "Base component" },
  documentManagement: { de: "Dokumentenmanagement", en: "Document management" },
  lineOfBusiness: { de: "Fachverfahren", en: "Line-of-business app" },
  communication: { de: "E-Mail / Kommunikation", en: "E-mail / communication" },
  tool: { de: "Werkzeug (Tool)", en: "Tool" },
  supportSoftware: { de: "Unterstützungssoftware", en: "Support software" },
  infrastructure: { de: "Infrastruktur", en: "Infrastructure" },
};

export const OPERATING_MODEL_LABELS: Readonly<Record<OperatingModel, LocalizedText>> = {
  onPremises: { de: "Eigener Betrieb", en: "On premises" },
  provider: { de: "Dienstleister / Rechenzentrum", en: "Provider / data centre" },
  cloud: { de: "Cloud / SaaS", en: "Cloud / SaaS" },
};

export const CRITICALITY_LABELS: Readonly<Record<Criticality, LocalizedText>> = {
  low: { de: "niedrig", en: "low" },
  medium: { de: "mittel", en: "medium" },
  high: { de: "hoch", en: "high" },
};

export const STATUS_LABELS: Readonly<Record<ServiceStatus, LocalizedText>> = {
  keep: { de: "beibehalten", en: "keep" },
  replace: { de: "ablösen", en: "replace" },
  consolidate: { de: "konsolidieren", en: "consolidate" },
  retire: { de: "stilllegen", en: "retire" },
};

export const LIFECYCLE_LABELS: Readonly<Record<LifecycleStage, LocalizedText>> = {
  planned: { de: "geplant", en: "planned" },
  introduction: { de: "in Einführung", en: "being introduced" },
  inOperation: { de: "im Betrieb", en: "in operation" },
  endOfSupport: { de: "Support endet", en: "end of support" },
  retiring: { de: "in Abschaltung", en: "being retired" },
};

/** What the sheet's window column shows. */
export const WINDOW_LABELS: Readonly<Record<ContractWindow, LocalizedText>> = {
  open: { de: "ja", en: "yes" },
  later: { de: "nein", en: "no" },
  expired: { de: "abgelaufen", en: "expired" },
};

/** List entries (key + label) of one of the maps above, in the order of its keys. */
export function listEntries<K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, LocalizedText>>,
): ListEntry[] {
  return keys.map((key) => ({ value: key, label: labels[key] }));
}

export const LIST_ENTRIES = {
  categories: listEntries(SERVICE_CATEGORIES, CATEGORY_LABELS),
  operatingModels: listEntries(OPERATING_MODELS, OPERATING_MODEL_LABELS),
  criticalities: listEntries(CRITICALITIES, CRITICALITY_LABELS),
  statuses: listEntries(SERVICE_STATUSES, STATUS_LABELS),
  lifecycleStages: listEntries(LIFECYCLE_STAGES, LIFECYCLE_LABELS),
} as const;
