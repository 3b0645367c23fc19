/**
 * Starter themes: one or two themes per field of the matrix, drawn from the kinds of influence the
 * guideline's matrix (chapter 3, „Matrix – Außen- und Innensicht“) names — voluntary services and
 * the council, the budget situation, expectations and demography, digital processes, climate and
 * energy, new duties by law — in our own words. They carry no ratings: each town rates impact and
 * room to act itself, deletes what does not apply and adds its own (`ikz template pestel --starter`).
 */
import type { InnerElement, PestelFactor } from "../../lib/pestel/model.js";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { ELEMENT_LABELS, FACTOR_LABELS } from "./terms.js";

export interface StarterTheme {
  readonly factor: PestelFactor;
  readonly element: InnerElement;
  readonly text: LocalizedText;
}

const starter = (factor: PestelFactor, element: InnerElement, de: string, en: string): StarterTheme => ({
  factor,
  element,
  text: { de, en },
});

/** The starter themes in matrix order (factor by factor, elements in model order). */
export const STARTER_THEMES: readonly StarterTheme[] = [
  starter(
    "political",
    "products",
    "Der Rat entscheidet mit, welche freiwilligen Leistungen angeboten werden",
    "The council decides which voluntary services are offered",
  ),
  starter(
    "political",
    "processes",
    "Rat beschließt, Verwaltung führt aus: Abläufe nur über Haushalt und Beschlüsse beeinflussbar",
    "The council decides, the administration carries out: processes are shaped through budget and resolutions only",
  ),
  starter(
    "political",
    "staff",
    "Einstellungen, Höhergruppierungen und Entlassungen brauchen oft die Zustimmung des Rates",
    "Hiring, promotion and dismissal often need the council's approval",
  ),
  starter(
    "political",
    "resources",
    "Größere Anschaffungen hängen am Haushaltsbeschluss des Rates",
    "Larger purchases depend on the council's budget decision",
  ),
  starter(
    "economic",
    "products",
    "Die Haushaltslage bestimmt den Spielraum für freiwillige Aufgaben; Pflichtaufgaben müssen immer erfüllt werden",
    "The budget decides the room for voluntary tasks; mandatory tasks must always be fulfilled",
  ),
  starter(
    "economic",
    "processes",
    "Knappe Mittel erhöhen den Druck, Abläufe zu vereinfachen; gute Jahre geben Geld dafür",
    "Tight budgets raise the pressure to simplify processes; good years provide money for it",
  ),
  starter(
    "economic",
    "staff",
    "Personalkosten unter Spardruck, zugleich Bedarf an Einstellungen und Fortbildung",
    "Staff costs under pressure to save, while hiring and training are needed",
  ),
  starter(
    "economic",
    "resources",
    "Beschaffungen von IT, Fahrzeugen und Gebäudetechnik müssen wirtschaftlich begründet sein",
    "Purchases of IT, vehicles and building technology must be economically justified",
  ),
  starter(
    "social",
    "products",
    "Eine älter werdende Bevölkerung verändert die Nachfrage nach freiwilligen Angeboten",
    "An ageing population changes the demand for voluntary services",
  ),
  starter(
    "social",
    "processes",
    "Bürgerschaft und Betriebe erwarten digitale Zugänge, kurze Wege und nachvollziehbare Bearbeitung",
    "Residents and businesses expect digital access, short routes and transparent handling",
  ),
  starter(
    "social",
    "staff",
    "Viele Beschäftigte gehen in Ruhestand; Nachwuchs ist schwer zu gewinnen",
    "Many employees retire; new staff are hard to recruit",
  ),
  starter(
    "social",
    "resources",
    "Mobiles Arbeiten braucht Videokonferenzen, gemeinsame Plattformen und elektronische Zeiterfassung",
    "Mobile working needs video conferencing, shared platforms and electronic time recording",
  ),
  starter(
    "technological",
    "products",
    "Digitale Angebote der Wirtschaftsförderung und Regionalentwicklung, z. B. Ladeinfrastruktur",
    "Digital offers of business and regional development, e.g. charging infrastructure",
  ),
  starter(
    "technological",
    "processes",
    "Automatisierung und durchgängig digitale Abläufe verkürzen Bearbeitungszeiten",
    "Automation and end-to-end digital processes shorten processing times",
  ),
  starter(
    "technological",
    "processes",
    "IT-Betrieb nach festen Verfahren (z. B. IT-Servicemanagement) statt Einzelwissen",
    "IT operations by defined procedures (e.g. IT service management) instead of individual knowledge",
  ),
  starter(
    "technological",
    "staff",
    "Digitale Kompetenzen werden in allen Stellen gebraucht; IT-Fachleute sind knapp",
    "Digital skills are needed in every post; IT specialists are scarce",
  ),
  starter(
    "technological",
    "resources",
    "Laufende Modernisierung der Technik; Rechenzentrum statt eigener Server im Rathaus",
    "Continuous modernisation of technology; a data centre instead of servers in the town hall",
  ),
  starter(
    "environmental",
    "products",
    "Neue Pflichten im Klimaschutz, z. B. kommunale Wärmeplanung und Energiemanagement",
    "New duties in climate protection, e.g. municipal heat planning and energy management",
  ),
  starter(
    "environmental",
    "processes",
    "Energie- und Ressourcenverbrauch der Verwaltung senken",
    "Reduce the administration's use of energy and resources",
  ),
  starter(
    "environmental",
    "staff",
    "Neue Aufgabenprofile wie Klimaschutz- oder Energiemanagement, ggf. gemeinsam mit Nachbarn",
    "New job profiles such as climate or energy management, possibly shared with neighbours",
  ),
  starter(
    "environmental",
    "resources",
    "Fuhrpark, Gebäudeenergie und IT-Betrieb klimafreundlicher gestalten",
    "Make the fleet, building energy and IT operations more climate-friendly",
  ),
  starter(
    "legal",
    "products",
    "Gesetze übertragen neue Pflichtaufgaben oder ändern bestehende",
    "Laws assign new mandatory tasks or change existing ones",
  ),
  starter(
    "legal",
    "processes",
    "Onlinezugangsgesetz und E-Government-Recht verlangen digitale Verfahren",
    "Online access and e-government laws require digital procedures",
  ),
  starter(
    "legal",
    "staff",
    "Neue Vorschriften verlangen zusätzliches Personal und Fachwissen",
    "New rules demand additional staff and expertise",
  ),
  starter(
    "legal",
    "resources",
    "Vorgegebene technische Standards, z. B. für Schnittstellen und Informationssicherheit",
    "Prescribed technical standards, e.g. for interfaces and information security",
  ),
];

/** The starter themes as rows of the long form (factor, element, theme; no ratings). */
export function starterThemeRows(language: Language): RowValues[] {
  return STARTER_THEMES.map((theme) => ({
    factor: FACTOR_LABELS[theme.factor][language],
    element: ELEMENT_LABELS[theme.element][language],
    theme: theme.text[language],
  }));
}
