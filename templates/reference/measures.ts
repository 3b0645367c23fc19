/**
 * The catalogue of recommended measures 0 … 4.4 and the four fields of action, as the guideline
 * lists them (see {@link MEASURES_SOURCE}). Numbers, fields and German titles follow the
 * guideline's catalogue; the English titles are our translation. Measure 0 (the groundwork for
 * any cooperation) belongs to no single field of action.
 */
import type { ActionField, MeasureRef } from "../../lib/pestel/model.js";
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";

export { ACTION_FIELDS, type ActionField } from "../../lib/pestel/model.js";

/** A measure of the catalogue: id `0`, `1.1` … `4.4` (always text), its field (null for 0), its title. */
export type Measure = MeasureRef;

/** Where the catalogue comes from. German first. */
export const MEASURES_SOURCE: LocalizedText = {
  de:
    "Quelle: Leitfaden „Interkommunale Zusammenarbeit in einer digitalisierten Welt“ der Servicestelle " +
    "Interkommunale Zusammenarbeit beim Sächsischen Städte- und Gemeindetag (Stand August 2024), " +
    "Kapitel 2 b, Maßnahmenkatalog. Titel teils gekürzt.",
  en:
    "Source: guideline “Inter-municipal cooperation in a digitalised world” of the inter-municipal " +
    "cooperation service centre at the Saxon association of towns and municipalities (as of August 2024), " +
    "chapter 2 b, catalogue of measures. English titles translated by ikz-kit; some titles shortened.",
};

/** The source in one short line, for the measures sheet. */
export const MEASURES_SOURCE_SHORT: LocalizedText = {
  de: "Quelle: Leitfaden „IKZ in einer digitalisierten Welt“ (SSG, Stand August 2024), Kap. 2 b.",
  en: "Source: guideline “IKZ in a digitalised world” (SSG, August 2024), chapter 2 b.",
};

/** The four fields of action, by number. */
export const ACTION_FIELD_TITLES: Readonly<Record<ActionField, LocalizedText>> = {
  1: { de: "Gemeinsame Leistungserbringung", en: "Joint service delivery" },
  2: { de: "Verwaltungsmodernisierung", en: "Modernising the administration" },
  3: { de: "Kapazitäten und Kompetenzen", en: "Capacities and competences" },
  4: { de: "Wirtschaftlichkeit und Nachhaltigkeit", en: "Economy and sustainability" },
};

const measure = (id: string, field: ActionField | null, de: string, en: string): Measure => ({
  id,
  field,
  title: { de, en },
});

/** Measures 0 … 4.4 in catalogue order. */
export const MEASURES: readonly Measure[] = [
  measure("0", null, "Grundlagen für Kooperation schaffen", "Lay the groundwork for cooperation"),
  measure("1.1", 1, "Gemeinsame Aufgaben identifizieren und priorisieren", "Identify and prioritise shared tasks"),
  measure("1.2", 1, "Zentrale Funktionseinheiten gemeinsam betreiben", "Run central units jointly"),
  measure(
    "1.3",
    1,
    "Im Beauftragtenwesen und bei Spezialaufgaben zusammenarbeiten",
    "Cooperate on appointed officers and specialist tasks",
  ),
  measure("1.4", 1, "Linien- und Routineaufgaben zusammen absichern", "Secure routine tasks together"),
  measure("1.5", 1, "Gemeinsame räumliche Entwicklung und Planung", "Joint spatial development and planning"),
  measure(
    "2.1",
    2,
    "Ablauforganisation einheitlich steuern (Prozessmanagement)",
    "Steer workflows uniformly (process management)",
  ),
  measure(
    "2.2",
    2,
    "Rollenverständnisse vereinheitlichen und standardisierte Profile nutzen",
    "Align role concepts and use standard profiles",
  ),
  measure("2.3", 2, "Dienstanweisungen vereinfachen und angleichen", "Simplify and align service instructions"),
  measure("2.4", 2, "Interkommunales Wissensmanagement aufbauen", "Build inter-municipal knowledge management"),
  measure("2.5", 2, "Kommunales Projektmanagement etablieren", "Establish municipal project management"),
  measure(
    "2.6",
    2,
    "Leistungserbringung unter Entwicklung einheitlicher SOLL-Prozesse digitalisieren",
    "Digitalise services along shared target processes",
  ),
  measure("3.1", 3, "Teilnahme am Programm „Digital-Lotsen-Sachsen“", "Join the “Digital-Lotsen-Sachsen” programme"),
  measure("3.2", 3, "Gemeinsame Strategie zur Personalgewinnung verfolgen", "Pursue a joint recruitment strategy"),
  measure("3.3", 3, "Interkommunalen Ausbildungsverbund gründen", "Found an inter-municipal training network"),
  measure("3.4", 3, "Interkommunales Fort- und Weiterbildungskonzept", "Inter-municipal further-training concept"),
  measure(
    "3.5",
    3,
    "Qualifizierungsprogramm für Führungskräfte verankern",
    "Anchor a qualification programme for managers",
  ),
  measure("3.6", 3, "Partnerschaften zur Horizonterweiterung eingehen", "Enter partnerships that widen the horizon"),
  measure(
    "4.1",
    4,
    "Technik und Infrastruktur interkommunal effizient betreiben",
    "Run equipment and infrastructure efficiently together",
  ),
  measure("4.2", 4, "Software-Landschaft konsolidieren", "Consolidate the software landscape"),
  measure("4.3", 4, "Moderne IT-Arbeitsplätze als Standard etablieren", "Make modern IT workplaces the standard"),
  measure(
    "4.4",
    4,
    "Strategische Beschaffungsgemeinschaft bilden (§ 4 VgV)",
    "Form a strategic procurement group (§ 4 VgV)",
  ),
];

const BY_ID: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure of an id such as `2.1`, or undefined. */
export function findMeasure(id: string): Measure | undefined {
  return BY_ID.get(id);
}
