/**
 * Reference data of template „Arbeitsplatzprofil“ (measure 4.3 of the guideline): the six
 * dimensions of a modern workplace, the obligations, the statuses a town assigns and the roles a
 * requirement may apply to. Keys are stable; labels are what the lists in the workbook show.
 */
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";
import type { RoleName } from "../../lib/workplace/parseRoles.js";
import type { DimensionKey, GapFlag, Obligation, RequirementStatus } from "../../lib/workplace/model.js";

export interface DimensionDefinition {
  readonly key: DimensionKey;
  /** The short name the list offers, e.g. „Hybrid“. */
  readonly label: LocalizedText;
  /** The heading of its section in the specification list, e.g. „Hybrider Arbeitsplatz“. */
  readonly title: LocalizedText;
  /** What the dimension asks of a workplace, in a few words. */
  readonly explanation: LocalizedText;
}

/** The dimensions in the order of `DIMENSION_KEYS` (the specification list's section numbers). */
export const DIMENSIONS: readonly DimensionDefinition[] = [
  {
    key: "hybrid",
    label: { de: "Hybrid", en: "Hybrid" },
    title: { de: "Hybrider Arbeitsplatz", en: "Hybrid workplace" },
    explanation: {
      de: "Arbeiten im Rathaus, zu Hause und unterwegs mit denselben Werkzeugen",
      en: "Working in the town hall, at home and on the move with the same tools",
    },
  },
  {
    key: "digital",
    label: { de: "Digital", en: "Digital" },
    title: { de: "Digitaler Arbeitsplatz", en: "Digital workplace" },
    explanation: {
      de: "Vorgänge durchgängig elektronisch, ohne Wechsel zwischen Papier und Bildschirm",
      en: "Cases handled electronically from end to end, without switching between paper and screen",
    },
  },
  {
    key: "networked",
    label: { de: "Vernetzt", en: "Networked" },
    title: { de: "Vernetzter Arbeitsplatz", en: "Networked workplace" },
    explanation: {
      de: "Anwendungen tauschen Daten über Schnittstellen aus, statt nebeneinander herzulaufen",
      en: "Applications exchange data through interfaces instead of running side by side",
    },
  },
  {
    key: "userFriendly",
    label: { de: "Anwenderfreundlich", en: "User-friendly" },
    title: { de: "Anwenderfreundlicher Arbeitsplatz", en: "User-friendly workplace" },
    explanation: {
      de: "Leicht zu bedienen, schnell einsatzbereit, mit verlässlicher Hilfe bei Störungen",
      en: "Easy to use, quickly ready, with reliable help when something fails",
    },
  },
  {
    key: "serviceOriented",
    label: { de: "Serviceorientiert", en: "Service-oriented" },
    title: { de: "Serviceorientierter Arbeitsplatz", en: "Service-oriented workplace" },
    explanation: {
      de: "Bürgerschaft, Unternehmen und Kollegen erreichen die Verwaltung einfach und digital",
      en: "Citizens, businesses and colleagues reach the administration easily and digitally",
    },
  },
  {
    key: "standardised",
    label: { de: "Standardisiert", en: "Standardised" },
    title: { de: "Standardisierter Arbeitsplatz", en: "Standardised workplace" },
    explanation: {
      de: "Einheitliche Geräte und Software, geordnete Lizenzen, feste Betriebsabläufe",
      en: "Uniform devices and software, orderly licences, fixed operating routines",
    },
  },
];

export const OBLIGATION_LABELS: readonly { readonly key: Obligation; readonly label: LocalizedText }[] = [
  { key: "must", label: { de: "Muss", en: "Must" } },
  { key: "should", label: { de: "Soll", en: "Should" } },
  { key: "may", label: { de: "Kann", en: "May" } },
];

export const STATUS_LABELS: readonly { readonly key: RequirementStatus; readonly label: LocalizedText }[] = [
  { key: "fulfilled", label: { de: "erfüllt", en: "fulfilled" } },
  { key: "partly", label: { de: "teilweise", en: "partly" } },
  { key: "notFulfilled", label: { de: "nicht erfüllt", en: "not fulfilled" } },
];

/** What the gap columns show. */
export const GAP_LABELS: Readonly<Record<GapFlag, LocalizedText>> = {
  gap: { de: "Lücke", en: "gap" },
  open: { de: "offen", en: "open" },
};

export type RoleKey = "clerk" | "manager" | "fieldService" | "citizenService" | "itSupport";

export const ROLES: readonly { readonly key: RoleKey; readonly label: LocalizedText; readonly hint: LocalizedText }[] =
  [
    {
      key: "clerk",
      label: { de: "Sachbearbeitung", en: "Clerk" },
      hint: { de: "Sachbearbeitung und Assistenz im Büro", en: "Office clerks and assistants" },
    },
    {
      key: "manager",
      label: { de: "Führungskraft", en: "Manager" },
      hint: { de: "Amts-, Sachgebiets- und Verwaltungsleitung", en: "Heads of office, section or administration" },
    },
    {
      key: "fieldService",
      label: { de: "Außendienst", en: "Field service" },
      hint: { de: "Vollzug, Bauhof, Kontrollen vor Ort", en: "Enforcement, depot, inspections on site" },
    },
    {
      key: "citizenService",
      label: { de: "Bürgerservice", en: "Citizen service" },
      hint: { de: "Bürgerbüro, Empfang, Standesamt", en: "Citizens' office, reception, registry office" },
    },
    {
      key: "itSupport",
      label: { de: "IT-Betreuung", en: "IT support" },
      hint: { de: "IT-Verantwortliche und Administration", en: "IT officers and administrators" },
    },
  ];

/** Words for „every role“ in the role column (an empty cell means the same). */
export const ALL_ROLES_WORDS: LocalizedText = { de: "alle", en: "all" };

/** The roles as `parseRoles` matches them: key, German and English label. */
export const ROLE_NAMES: readonly RoleName[] = ROLES.map((role) => ({
  key: role.key,
  names: [role.key, role.label.de, role.label.en],
}));

/** Number of partner-town columns every profile has (2–8 towns form a partnership). */
export const TOWN_SLOTS = 8;
