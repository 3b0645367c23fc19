/**
 * Invented demo catalogues for the illustrative partnership (DEMO_TOWNS): a plausible software
 * landscape of a small town — finance, registry, document management, e-mail, office, security,
 * a few line-of-business applications — with generic product names („Finanzsoftware A“) and
 * invented vendors, costs and contracts. Deterministic per town name and reference date; towns
 * overlap on purpose, so the group analysis finds candidates of every kind.
 */
import { seededRandom } from "../../lib/numbers/seededRandom.js";
import type { RowValues } from "../../lib/plan/planWorkbook.js";
import type {
  Criticality,
  LifecycleStage,
  OperatingModel,
  ServiceCategory,
  ServiceStatus,
} from "../../lib/services/model.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { DEMO_TOWNS } from "../aufgabenkatalog/demo.js";
import { DEMO_COST_MODEL } from "../kostenverteilung/plan.js";
import {
  CATEGORY_LABELS,
  CRITICALITY_LABELS,
  LIFECYCLE_LABELS,
  OPERATING_MODEL_LABELS,
  STATUS_LABELS,
} from "./lists.js";

export { DEMO_TOWNS };

interface Product {
  readonly software: string;
  readonly vendor: string;
  /** Relative chance a town uses it. */
  readonly weight: number;
  readonly model: OperatingModel;
}

interface ServiceTemplate {
  readonly name: LocalizedText;
  readonly category: ServiceCategory;
  /** Product codes; services for the whole administration (e-mail, office, security) have none. */
  readonly codes: readonly string[];
  readonly products: readonly Product[];
  readonly criticality: Criticality;
  /** Chance a town has this service at all. */
  readonly chance: number;
  /** Users: the whole staff, or a small team of this size range. */
  readonly users: "staff" | readonly [number, number];
  /** Annual cost range in € for a town of about 40 staff (scaled by staff). */
  readonly cost: readonly [number, number];
  readonly interfaces?: LocalizedText;
}

const product = (software: string, vendor: string, weight: number, model: OperatingModel): Product => ({
  software,
  vendor,
  weight,
  model,
});

const V = {
  a: "Anbieter A GmbH",
  b: "Anbieter B AG",
  c: "Anbieter C GmbH",
  d: "Anbieter D eG",
  provider: "IT-Dienstleister Z",
} as const;

const TEMPLATES: readonly ServiceTemplate[] = [
  {
    name: { de: "Haushalt, Kasse und Steuern", en: "Budget, treasury and taxes" },
    category: "lineOfBusiness",
    codes: ["1113", "611"],
    products: [product("Finanzsoftware A", V.a, 6, "provider"), product("Finanzsoftware B", V.b, 3, "onPremises")],
    criticality: "high",
    chance: 1,
    users: [4, 9],
    cost: [7000, 14000],
    interfaces: { de: "DMS, ePayment, Lohn", en: "DMS, e-payment, payroll" },
  },
  {
    name: { de: "Einwohnermeldewesen", en: "Residents' registration" },
    category: "lineOfBusiness",
    codes: ["1222"],
    products: [product("Meldewesen A", V.provider, 7, "provider"), product("Meldewesen B", V.c, 3, "provider")],
    criticality: "high",
    chance: 1,
    users: [2, 5],
    cost: [3000, 7000],
    interfaces: { de: "Landesmelderegister (XMeld)", en: "State register (XMeld)" },
  },
  {
    name: { de: "Gewerbeangelegenheiten", en: "Trade register" },
    category: "lineOfBusiness",
    codes: ["1221"],
    products: [product("Gewerbe A", V.provider, 5, "provider"), product("Gewerbe B", V.b, 4, "cloud")],
    criticality: "medium",
    chance: 0.9,
    users: [1, 3],
    cost: [800, 2000],
  },
  {
    name: { de: "Personalabrechnung", en: "Payroll" },
    category: "lineOfBusiness",
    codes: ["1112"],
    products: [
      product("Personalsoftware A", V.provider, 6, "provider"),
      product("Personalsoftware B", V.a, 4, "onPremises"),
    ],
    criticality: "high",
    chance: 1,
    users: [1, 3],
    cost: [2500, 6000],
  },
  {
    name: { de: "GIS und Liegenschaftskarte", en: "GIS and cadastral map" },
    category: "lineOfBusiness",
    codes: ["5120"],
    products: [product("GIS A", V.d, 5, "onPremises"), product("GIS B", V.b, 3, "cloud")],
    criticality: "medium",
    chance: 0.9,
    users: [3, 8],
    cost: [1200, 4000],
  },
  {
    name: { de: "Geodaten-Auskunft", en: "Geodata viewer" },
    category: "lineOfBusiness",
    codes: ["5120"],
    products: [product("Geoauskunft C", V.c, 1, "cloud")],
    criticality: "low",
    chance: 0.7,
    users: [2, 10],
    cost: [300, 900],
  },
  {
    name: { de: "Bauverwaltung", en: "Building administration" },
    category: "lineOfBusiness",
    codes: ["5210"],
    products: [product("Bauverfahren A", V.d, 4, "onPremises"), product("Bauverfahren B", V.c, 4, "cloud")],
    criticality: "medium",
    chance: 0.7,
    users: [1, 3],
    cost: [900, 2500],
  },
  {
    name: { de: "Kita-Verwaltung", en: "Day-care administration" },
    category: "lineOfBusiness",
    codes: ["3650"],
    products: [product("Kita-Software A", V.b, 5, "cloud"), product("Kita-Software B", V.a, 3, "onPremises")],
    criticality: "medium",
    chance: 0.8,
    users: [1, 4],
    cost: [900, 2400],
    interfaces: { de: "Finanzen (Sollstellung)", en: "finance (receivables)" },
  },
  {
    name: { de: "Friedhofsverwaltung", en: "Cemetery administration" },
    category: "lineOfBusiness",
    codes: ["5530"],
    products: [product("Friedhof A", V.c, 4, "onPremises"), product("Friedhof B", V.d, 4, "cloud")],
    criticality: "low",
    chance: 0.7,
    users: [1, 2],
    cost: [400, 1200],
  },
  {
    name: { de: "Ratsinformationssystem", en: "Council information system" },
    category: "lineOfBusiness",
    codes: ["1111"],
    products: [product("Ratsinfo A", V.a, 5, "cloud"), product("Ratsinfo B", V.b, 3, "provider")],
    criticality: "low",
    chance: 0.8,
    users: [3, 20],
    cost: [1200, 3000],
  },
  {
    name: { de: "Wahlen", en: "Elections" },
    category: "lineOfBusiness",
    codes: ["1212"],
    products: [product("Wahlsoftware A", V.provider, 1, "provider")],
    criticality: "medium",
    chance: 0.6,
    users: [1, 3],
    cost: [300, 900],
  },
  {
    name: { de: "Feuerwehrverwaltung", en: "Fire brigade administration" },
    category: "lineOfBusiness",
    codes: ["1260"],
    products: [product("Feuerwehr A", V.d, 4, "cloud"), product("Feuerwehr B", V.c, 3, "onPremises")],
    criticality: "medium",
    chance: 0.8,
    users: [2, 6],
    cost: [500, 1500],
  },
  {
    name: { de: "DMS und E-Akte", en: "DMS and e-file" },
    category: "documentManagement",
    codes: ["1112", "1113", "1222"],
    products: [
      product("DMS A", V.a, 5, "onPremises"),
      product("DMS B", V.provider, 4, "provider"),
      product("DMS C", V.c, 2, "cloud"),
    ],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [6000, 12000],
    interfaces: { de: "Finanzen, Meldewesen, E-Mail", en: "finance, registration, e-mail" },
  },
  {
    name: { de: "Scannen und Archiv", en: "Scanning and archive" },
    category: "documentManagement",
    codes: ["1112"],
    products: [product("Archiv D", V.d, 1, "onPremises")],
    criticality: "low",
    chance: 0.4,
    users: [2, 6],
    cost: [500, 1500],
  },
  {
    name: { de: "E-Mail und Kalender", en: "E-mail and calendar" },
    category: "communication",
    codes: [],
    products: [product("Groupware A", V.b, 5, "onPremises"), product("Groupware B (Cloud)", V.a, 4, "cloud")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [1500, 4500],
  },
  {
    name: { de: "Telefonie", en: "Telephony" },
    category: "communication",
    codes: [],
    products: [
      product("Telefonanlage A", V.c, 4, "onPremises"),
      product("Cloud-Telefonie B", V.provider, 4, "provider"),
    ],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [1800, 4200],
  },
  {
    name: { de: "Videokonferenzen", en: "Video conferencing" },
    category: "communication",
    codes: [],
    products: [product("Videokonferenz A", V.a, 4, "cloud"), product("Videokonferenz B", V.b, 3, "cloud")],
    criticality: "low",
    chance: 0.7,
    users: [5, 20],
    cost: [300, 1200],
  },
  {
    name: { de: "Büroanwendungen", en: "Office suite" },
    category: "tool",
    codes: [],
    products: [product("Office-Paket A", V.b, 6, "onPremises"), product("Office-Paket B (Cloud)", V.a, 3, "cloud")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [4000, 9000],
  },
  {
    name: { de: "PDF-Bearbeitung", en: "PDF editing" },
    category: "tool",
    codes: [],
    products: [product("PDF-Werkzeug A", V.c, 1, "onPremises")],
    criticality: "low",
    chance: 0.6,
    users: [5, 15],
    cost: [300, 900],
  },
  {
    name: { de: "Zeiterfassung", en: "Time recording" },
    category: "tool",
    codes: ["1112"],
    products: [product("Zeiterfassung A", V.d, 4, "cloud"), product("Zeiterfassung B", V.c, 3, "onPremises")],
    criticality: "low",
    chance: 0.7,
    users: "staff",
    cost: [600, 1800],
  },
  {
    name: { de: "Virenschutz", en: "Antivirus" },
    category: "supportSoftware",
    codes: [],
    products: [product("Virenschutz A", V.b, 5, "onPremises"), product("Virenschutz B", V.d, 3, "cloud")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [600, 1500],
  },
  {
    name: { de: "Datensicherung", en: "Backup" },
    category: "supportSoftware",
    codes: [],
    products: [product("Backup A", V.c, 5, "onPremises"), product("Backup B", V.provider, 3, "provider")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [1200, 3500],
  },
  {
    name: { de: "IT-Support und Tickets", en: "IT support and tickets" },
    category: "supportSoftware",
    codes: [],
    products: [product("Ticketsystem A", V.a, 1, "cloud")],
    criticality: "low",
    chance: 0.5,
    users: [1, 3],
    cost: [400, 1200],
  },
  {
    name: { de: "Benutzerverzeichnis", en: "User directory" },
    category: "baseComponent",
    codes: [],
    products: [product("Verzeichnisdienst A", V.b, 1, "onPremises")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [500, 1500],
  },
  {
    name: { de: "Online-Zugang und Servicekonto", en: "Online access and citizen account" },
    category: "baseComponent",
    codes: ["1112"],
    products: [product("Online-Dienste A", V.provider, 1, "provider")],
    criticality: "medium",
    chance: 0.8,
    users: [2, 6],
    cost: [300, 1200],
  },
  {
    name: { de: "ePayment", en: "E-payment" },
    category: "baseComponent",
    codes: ["1113"],
    products: [product("ePayment A", V.provider, 4, "provider"), product("ePayment B", V.b, 2, "cloud")],
    criticality: "medium",
    chance: 0.7,
    users: [1, 3],
    cost: [300, 900],
  },
  {
    name: { de: "Server und Virtualisierung", en: "Servers and virtualisation" },
    category: "infrastructure",
    codes: [],
    products: [
      product("Virtualisierung A", V.b, 4, "onPremises"),
      product("Rechenzentrumsbetrieb B", V.provider, 3, "provider"),
    ],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [3000, 9000],
  },
  {
    name: { de: "Firewall und Netzzugang", en: "Firewall and network access" },
    category: "infrastructure",
    codes: [],
    products: [product("Firewall A", V.c, 4, "onPremises"), product("Firewall B", V.d, 3, "onPremises")],
    criticality: "high",
    chance: 1,
    users: "staff",
    cost: [1000, 3000],
  },
];

/**
 * The staff count a demo town is given: its workplaces in the demo cost model (so the demos
 * agree), else about one workplace per 140 inhabitants, at least 8.
 */
const staffOf = (town: string): number => {
  const known = DEMO_COST_MODEL.towns.find((t) => t.name === town)?.workplaces;
  if (typeof known === "number") return known;
  return Math.max(8, Math.round((DEMO_TOWNS.find((t) => t.name === town)?.population ?? 4000) / 140));
};

/** The last day of the month `months` after the reference date's month (UTC). */
const monthEnd = (reference: Date, months: number): Date =>
  new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + months + 1, 0));

/**
 * Invented services of one town, deterministic per town name and reference date: list cells as
 * labels in the workbook's language, contract ends as month ends 1–60 months after the reference
 * date (so the demo never shows an expired contract), ids S-01, S-02, …
 */
export function demoServiceRows(town: string, referenceDate: Date, language: Language): RowValues[] {
  const random = seededRandom(`ikz-demo-services:${town}`);
  const between = (min: number, max: number): number => min + random() * (max - min);
  const staff = staffOf(town);
  const scale = staff / 40;
  const rows: RowValues[] = [];
  for (const template of TEMPLATES) {
    if (random() >= template.chance) continue;
    const total = template.products.reduce((sum, p) => sum + p.weight, 0);
    let pick = random() * total;
    const chosen = template.products.find((p) => (pick -= p.weight) < 0) ?? template.products[0];
    if (!chosen) continue;
    const users =
      template.users === "staff" ? staff : Math.round(between(template.users[0], Math.min(template.users[1], staff)));
    const cost = Math.round(between(template.cost[0], template.cost[1]) * scale * 100) / 100;
    const roll = random();
    const [status, lifecycle]: [ServiceStatus, LifecycleStage] =
      roll < 0.08
        ? ["replace", "endOfSupport"]
        : roll < 0.16
          ? ["consolidate", "inOperation"]
          : roll < 0.2
            ? ["retire", "retiring"]
            : roll < 0.24
              ? ["keep", "introduction"]
              : ["keep", "inOperation"];
    const openEnded = chosen.model === "provider" && random() < 0.25;
    const months = 1 + Math.floor(random() * 60);
    rows.push({
      serviceId: `S-${String(rows.length + 1).padStart(2, "0")}`,
      name: template.name[language],
      category: CATEGORY_LABELS[template.category][language],
      software: chosen.software,
      vendor: chosen.vendor,
      productCodes: template.codes.join(", "),
      operatingModel: OPERATING_MODEL_LABELS[chosen.model][language],
      users,
      annualCost: cost,
      contractEnd: openEnded ? undefined : monthEnd(referenceDate, months),
      criticality: CRITICALITY_LABELS[template.criticality][language],
      status: STATUS_LABELS[status][language],
      lifecycle: LIFECYCLE_LABELS[lifecycle][language],
      interfaces: template.interfaces?.[language],
    });
  }
  return rows;
}
