/** Where the sheets of template „Arbeitsplatzprofil“ put things, and the keys several files share. */
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { ROLES, TOWN_SLOTS } from "./reference.js";

/** Sheet keys. */
export const SHEET = {
  settings: "settings",
  requirements: "requirements",
  evaluation: "evaluation",
  specification: "specification",
  workplaces: "workplaces",
  lists: "lists",
} as const;

export type ProfileSheetKey = (typeof SHEET)[keyof typeof SHEET];

export const SHEET_NAMES: Readonly<Record<ProfileSheetKey, LocalizedText>> = {
  settings: { de: "Angaben", en: "Settings" },
  requirements: { de: "Anforderungen", en: "Requirements" },
  evaluation: { de: "Auswertung", en: "Evaluation" },
  specification: { de: "Leistungsverzeichnis", en: "Specification" },
  workplaces: { de: "Arbeitsplätze", en: "Workplaces" },
  lists: { de: "Profil-Listen", en: "Profile lists" },
};

/** First field row of „Angaben“; the town fields follow the partnership's name and date. */
export const SETTINGS_FIRST_ROW = 4;

/** Header row of the requirements; the row above it shows each town block's name. */
export const REQUIREMENTS_HEADER_ROW = 4;
export const TOWN_NAME_ROW = REQUIREMENTS_HEADER_ROW - 1;

/** Header row of the workplace counts (one row per town slot below it). */
export const WORKPLACES_HEADER_ROW = 4;

/** Spare requirement rows below the pre-filled ones, for the group's own requirements. */
export const SPARE_REQUIREMENTS = 40;

/** 1 … 8: the partner-town slots. */
export const SLOTS: readonly number[] = Array.from({ length: TOWN_SLOTS }, (_, index) => index + 1);

/** Form field of slot `k`'s town name on „Angaben“. */
export const townField = (slot: number): string => `town${slot}`;

/** Column keys of slot `k` on „Anforderungen“: its status (input), value and gap flag (computed). */
export const statusColumn = (slot: number): string => `status${slot}`;
export const valueColumn = (slot: number): string => `value${slot}`;
export const gapColumn = (slot: number): string => `gap${slot}`;

/** Fixed-row key of slot `k` on „Arbeitsplätze“. */
export const workplaceRow = (slot: number): string => `slot${slot}`;

/** Role column keys on „Arbeitsplätze“, in list order. */
export const ROLE_COLUMNS: readonly string[] = ROLES.map((role) => role.key);
