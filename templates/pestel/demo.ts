/**
 * Illustrative PESTEL themes for the demo partnership (DEMO_TOWNS). Every theme and rating is
 * invented for demonstration; the themes follow the kinds of influence chapter 3 of the guideline
 * names (council, budget, demography, IT, climate and energy, new duties), in our own words.
 * Each town draws its own subset and ratings from a generator seeded by its name, so the towns
 * differ — and still share some hot fields, as neighbouring towns do.
 */
import { seededRandom } from "../../lib/numbers/seededRandom.js";
import type { InnerElement, PestelFactor } from "../../lib/pestel/model.js";
import { scoreTheme } from "../../lib/pestel/scoreTheme.js";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { findMeasure } from "../reference/measures.js";
import { ELEMENT_LABELS, FACTOR_LABELS, actionFieldLabel } from "./terms.js";

interface DemoTheme {
  readonly factor: PestelFactor;
  readonly element: InnerElement;
  readonly text: LocalizedText;
  /** The highest impact and room a town typically gives; each town rates up to two steps lower or one higher. */
  readonly impact: number;
  readonly room: number;
  /** Measures that fit the theme, most fitting first. */
  readonly measures: readonly string[];
}

const theme = (
  factor: PestelFactor,
  element: InnerElement,
  de: string,
  en: string,
  impact: number,
  room: number,
  measures: readonly string[],
): DemoTheme => ({ factor, element, text: { de, en }, impact, room, measures });

const DEMO_THEMES: readonly DemoTheme[] = [
  theme(
    "political",
    "products",
    "Freiwillige Leistungen stehen bei jedem Haushaltsbeschluss neu zur Debatte",
    "Voluntary services are debated anew with every budget decision",
    2,
    2,
    ["1.1"],
  ),
  theme(
    "political",
    "processes",
    "Der Gemeinderat möchte regelmäßig über Kooperationsvorhaben hören",
    "The council wants regular reports on cooperation projects",
    2,
    3,
    ["0", "2.5"],
  ),
  theme(
    "political",
    "staff",
    "Jede Neubesetzung braucht die Zustimmung des Rates",
    "Every new hire needs the council's approval",
    2,
    1,
    ["3.2"],
  ),
  theme(
    "political",
    "resources",
    "Digitale Sitzungen und ein Ratsinformationssystem sind gewünscht",
    "Digital meetings and a council information system are wanted",
    2,
    3,
    ["2.6"],
  ),
  theme(
    "economic",
    "products",
    "Sinkende Zuweisungen engen die freiwilligen Aufgaben ein",
    "Falling grants squeeze the voluntary tasks",
    3,
    1,
    ["1.1"],
  ),
  theme(
    "economic",
    "processes",
    "Der Kostendruck verlangt schlankere Abläufe",
    "Cost pressure calls for leaner workflows",
    3,
    2,
    ["2.1"],
  ),
  theme(
    "economic",
    "staff",
    "Tarifsteigerungen belasten den Personalhaushalt",
    "Pay rises strain the staff budget",
    3,
    1,
    ["1.2"],
  ),
  theme(
    "economic",
    "resources",
    "Lizenz- und Wartungskosten der Fachverfahren steigen jedes Jahr",
    "Licence and maintenance costs of the specialist software rise every year",
    3,
    2,
    ["4.2", "4.4"],
  ),
  theme(
    "economic",
    "resources",
    "Fahrzeuge und Geräte gemeinsam beschaffen und auslasten",
    "Buy and use vehicles and machines together",
    2,
    3,
    ["4.1", "4.4"],
  ),
  theme(
    "social",
    "products",
    "Ältere Einwohner brauchen Beratung vor Ort",
    "Older residents need advice in person",
    2,
    2,
    ["1.4"],
  ),
  theme(
    "social",
    "processes",
    "Einwohner erwarten Online-Anträge und kurze Bearbeitungszeiten",
    "Residents expect online applications and short processing times",
    3,
    3,
    ["2.6", "2.1"],
  ),
  theme(
    "social",
    "staff",
    "Mehrere Altersabgänge in Bauamt und Kasse in den nächsten fünf Jahren",
    "Several retirements in the building office and treasury within five years",
    3,
    3,
    ["3.2", "3.3"],
  ),
  theme(
    "social",
    "staff",
    "Nachwuchs bewirbt sich lieber bei großen Arbeitgebern",
    "Young applicants prefer large employers",
    3,
    2,
    ["3.3", "3.2"],
  ),
  theme(
    "social",
    "staff",
    "Beschäftigte wünschen sich mobiles Arbeiten",
    "Staff would like to work from anywhere",
    2,
    3,
    ["4.3"],
  ),
  theme(
    "social",
    "resources",
    "Veraltete Arbeitsplätze erschweren das Arbeiten von unterwegs",
    "Outdated workplaces make working on the move hard",
    2,
    3,
    ["4.3"],
  ),
  theme(
    "technological",
    "products",
    "Terminbuchung und Online-Formulare werden zum Standard",
    "Online appointments and forms become the norm",
    3,
    2,
    ["2.6"],
  ),
  theme(
    "technological",
    "processes",
    "Medienbrüche zwischen Fachverfahren und E-Akte",
    "Media breaks between specialist software and the e-file",
    3,
    3,
    ["2.1", "4.2"],
  ),
  theme(
    "technological",
    "staff",
    "Digitale Kompetenzen der Beschäftigten reichen nicht aus",
    "Staff lack digital skills",
    3,
    3,
    ["3.1", "3.4"],
  ),
  theme(
    "technological",
    "resources",
    "Eigene Server im Rathaus sind kaum sicher zu betreiben",
    "Own servers in the town hall are hard to run securely",
    3,
    3,
    ["4.1", "1.3"],
  ),
  theme(
    "technological",
    "resources",
    "Zu viele verschiedene Softwareprodukte im Verbund",
    "Too many different software products across the partners",
    3,
    3,
    ["4.2"],
  ),
  theme(
    "environmental",
    "products",
    "Kommunale Wärmeplanung kommt als neue Aufgabe hinzu",
    "Municipal heat planning arrives as a new task",
    2,
    2,
    ["1.3"],
  ),
  theme(
    "environmental",
    "processes",
    "Energieverbrauch der Liegenschaften laufend erfassen",
    "Track the energy use of municipal buildings",
    2,
    3,
    ["1.3"],
  ),
  theme(
    "environmental",
    "staff",
    "Kein eigenes Personal für Energie- und Klimamanagement",
    "No staff of our own for energy and climate management",
    2,
    3,
    ["1.3"],
  ),
  theme(
    "environmental",
    "resources",
    "Fuhrpark schrittweise auf Elektrofahrzeuge umstellen",
    "Move the fleet to electric vehicles step by step",
    2,
    2,
    ["4.1"],
  ),
  theme(
    "environmental",
    "resources",
    "Heizung und Dämmung der Verwaltungsgebäude erneuern",
    "Renew heating and insulation of the administrative buildings",
    2,
    1,
    ["4.1"],
  ),
  theme(
    "legal",
    "products",
    "Bund und Land übertragen neue Pflichtaufgaben",
    "Federal and state law add new mandatory tasks",
    3,
    2,
    ["1.1", "1.2"],
  ),
  theme(
    "legal",
    "processes",
    "Onlinezugang und E-Rechnung verlangen digitale Abläufe",
    "Online access and e-invoicing require digital workflows",
    3,
    2,
    ["2.6", "2.1"],
  ),
  theme(
    "legal",
    "processes",
    "Geänderte Vorschriften machen Dienstanweisungen veraltet",
    "Changed rules leave service instructions out of date",
    2,
    3,
    ["2.3"],
  ),
  theme(
    "legal",
    "staff",
    "Vergaberecht verlangt Fachwissen, das eine kleine Kommune kaum vorhält",
    "Procurement law needs expertise a small town can hardly keep",
    3,
    3,
    ["1.2"],
  ),
  theme(
    "legal",
    "staff",
    "Datenschutz- und Informationssicherheitsbeauftragte müssen bestellt sein",
    "Data protection and information security officers must be appointed",
    2,
    3,
    ["1.3"],
  ),
  theme(
    "legal",
    "resources",
    "Vorgaben zur Informationssicherheit im IT-Betrieb",
    "Information security rules for running IT",
    3,
    2,
    ["4.1", "1.3"],
  ),
];

const OWNERS: Readonly<Record<Language, readonly string[]>> = {
  de: ["Bürgermeister", "Hauptamt", "Kämmerei", "Bauamt", "IT-Koordination", "Personalamt", "Ordnungsamt"],
  en: ["Mayor", "Central office", "Treasury", "Building office", "IT coordination", "HR office", "Public order"],
};

/** Share of the candidate themes a town lists. */
const THEME_SHARE = 0.7;

/**
 * Invented long-form rows for a town, deterministic per town name: a subset of the candidate
 * themes, ratings varied around the typical ones (-2 … +1), measures (and often the field of action) for most
 * hot spots and for some other themes, an owner and a review date.
 */
export function demoThemeRows(town: string, language: Language): RowValues[] {
  const random = seededRandom(`ikz-demo-pestel:${town}`);
  const steps = [-2, -1, -1, 0, 0, 1] as const;
  const vary = (value: number): number =>
    Math.max(0, Math.min(3, value + (steps[Math.floor(random() * steps.length)] ?? 0)));
  const rows: RowValues[] = [];
  for (const candidate of DEMO_THEMES) {
    if (random() >= THEME_SHARE) continue;
    const impact = vary(candidate.impact);
    const room = vary(candidate.room);
    const score = scoreTheme(impact, room) ?? 0;
    const linked = random() < (score >= 6 ? 0.9 : 0.4);
    const measures = linked ? candidate.measures.slice(0, random() < 0.5 ? 1 : 2) : [];
    // the field of action only where all linked measures belong to one field
    const fields = new Set(measures.map((id) => findMeasure(id)?.field ?? null).filter((f) => f !== null));
    const [only] = fields;
    const field = fields.size === 1 && random() < 0.6 ? only : undefined;
    const month = 4 + Math.floor(random() * 9);
    rows.push({
      factor: FACTOR_LABELS[candidate.factor][language],
      element: ELEMENT_LABELS[candidate.element][language],
      theme: candidate.text[language],
      impact,
      room,
      ...(field === undefined || field === null ? {} : { actionField: actionFieldLabel(field)[language] }),
      ...(measures.length === 0 ? {} : { measures: measures.join(", ") }),
      owner: OWNERS[language][Math.floor(random() * OWNERS[language].length)] ?? "",
      reviewDate: new Date(Date.UTC(2026, month - 1, month % 2 === 0 ? 15 : 30)),
    });
  }
  return rows;
}
