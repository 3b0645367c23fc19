/**
 * Kommunaler Produktrahmen Sachsen (Anlage 1 VwV KomHSys) — the statewide structure of municipal
 * products, as far as it could be reconstructed from public budget data. Shipped so a town starts
 * its task catalogue from a pre-filled list instead of typing codes.
 *
 * This is NOT the official text of Anlage 1. Codes are real (they occur in Saxon municipal
 * budgets); names are local budget labels or the nationally common headings, each entry says
 * which. See `PRODUCT_FRAMEWORK_SOURCE` and each entry's `source` and `verification`.
 *
 * Levels by code length: 2 digits = Produktbereich (area), 3 = Produktgruppe (group),
 * 4 = Produktuntergruppe (subgroup). A 4-digit code ending in 0 (e.g. `2410`) is how the source
 * budget lists a group that is not subdivided further; it is kept as a subgroup.
 */

export type ProductFrameworkLevel = "area" | "group" | "subgroup";

/**
 * How far an entry's name can be trusted. None of them means "checked against the official
 * Anlage 1 text" — that check is still open for every entry.
 * - `structure-known`: code and name follow the nationally common product structure of the
 *   municipal double-entry budget (the same heading under the same code in several states'
 *   frameworks or Saxon budgets); the Saxon wording itself was not checked.
 * - `local-label`: the code is used in a Saxon municipal budget (Leipzig 2025/26); the name is
 *   that town's label (abbreviations written out), which may differ from the official wording.
 * - `unverified`: the name is derived by us (from a child entry's label or from general
 *   knowledge of the national framework) or sources disagree; treat it as a working title.
 */
export type ProductFrameworkVerification = "structure-known" | "local-label" | "unverified";

/**
 * Who usually carries a product in Saxony, seen from a kreisangehörige Gemeinde of a few thousand
 * inhabitants (our assessment from the Saxon laws on municipalities, schools, social and youth
 * welfare, fire and rescue services — not part of Anlage 1; a town's own situation may differ):
 * - `municipality`: the Gemeinde itself (alone, in a Verwaltungsverband or a Zweckverband);
 * - `county`: the Landkreis (or a kreisfreie Stadt; also its Zweckverbände), not a small Gemeinde;
 * - `either`: depends on the town's size, on a transfer or on who runs the facility (Landkreis or
 *   larger Gemeinden, e.g. Gymnasien, Rechnungsprüfung, Bauaufsicht); rare in a small Gemeinde;
 * - `state`: the Freistaat or the Bund (the Gemeinde at most for parts inside the village);
 * - `mixed`: an area or group whose products differ (see its subgroups).
 */
export type ProductResponsibility = "municipality" | "county" | "either" | "state" | "mixed";

/** The words of the Produktrahmen sheet's „Zuständigkeit“ column. */
export const RESPONSIBILITY_LABELS: Readonly<
  Record<ProductResponsibility, { readonly de: string; readonly en: string }>
> = {
  municipality: { de: "Gemeinde", en: "Municipality" },
  county: { de: "Landkreis", en: "County (Landkreis)" },
  either: { de: "Landkreis oder Gemeinde", en: "County or municipality" },
  state: { de: "Freistaat oder Bund", en: "State or federal" },
  mixed: { de: "je nach Produkt", en: "Depends on the product" },
};

export interface ProductFrameworkEntry {
  /** 2-digit area, 3-digit group or 4-digit subgroup; digits only. */
  code: string;
  /** German name. */
  name: string;
  level: ProductFrameworkLevel;
  /** Where code and name come from (German, short). */
  source: string;
  verification: ProductFrameworkVerification;
  /** Who usually carries it (see {@link ProductResponsibility}). */
  responsibility: ProductResponsibility;
}

/** Where the data comes from, its date, and the duty to check it. German first. */
export const PRODUCT_FRAMEWORK_SOURCE = {
  compiledOn: "2026-11-24",
  de:
    "Arbeitsstand vom 24.11.2026, kein amtlicher Text. Codes aus dem Ergebnishaushalt 2025/2026 der Stadt Leipzig " +
    "(Produktuntergruppen mit örtlichen, teils abgekürzten Bezeichnungen; Abkürzungen hier ausgeschrieben) und dem " +
    "Haushaltsplan Dresden 2011–2014; Bereichsnamen nach der bundesweit üblichen Produktbereichsgliederung; " +
    "Gruppennamen teils abgeleitet. Nicht enthalten sind Produkte, die in Leipzig nicht vorkommen. " +
    "Bitte vor der Verwendung mit der geltenden Anlage 1 der VwV KomHSys abgleichen; eigene Codes sind zulässig und werden markiert.",
  en:
    "Working copy as of 2026-11-24, not an official text. Codes from the City of Leipzig's 2025/2026 budget " +
    "(product subgroups with local, partly abbreviated labels; abbreviations written out here) and Dresden's budget " +
    "2011–2014; area names from the nationally common product-area structure; some group names derived. Products " +
    "Leipzig does not use are missing. Check against the current Anlage 1 of the VwV KomHSys before use; " +
    "custom codes are allowed and get flagged.",
} as const;

// ---------------------------------------------------------------------------------------------
// Sources (German, short)

const LEIPZIG =
  "Stadt Leipzig, Ergebnishaushalt 2025/2026 (Produktcode und Bezeichnung, via github.com/tifa365/haushaltsdaten)";
const DRESDEN = "Landeshauptstadt Dresden, Haushaltsplan 2011/12 und 2013/14 (via gist.github.com/Mic92)";
const NATIONAL_AREA =
  "Bundesweit übliche Produktbereichsgliederung der kommunalen Doppik (gleichlautend in mehreren Länder-Produktrahmen); " +
  "Code durch Leipziger Produktcodes belegt; sächsischer Wortlaut nicht geprüft";
const DERIVED_GROUP = "Gruppe abgeleitet aus den ersten drei Ziffern der Leipziger Codes";

// ---------------------------------------------------------------------------------------------
// Areas (Produktbereiche)

type AreaRow = readonly [code: string, name: string, verification: ProductFrameworkVerification, note?: string];

const AREAS: readonly AreaRow[] = [
  ["11", "Innere Verwaltung", "structure-known", `ebenso ${DRESDEN}`],
  ["12", "Sicherheit und Ordnung", "structure-known"],
  ["21", "Schulträgeraufgaben", "structure-known", "Sammelbereich 21–24"],
  ["22", "Schulträgeraufgaben", "structure-known", "Sammelbereich 21–24; eigener Name für 22 nicht belegt"],
  ["23", "Schulträgeraufgaben", "structure-known", "Sammelbereich 21–24; eigener Name für 23 nicht belegt"],
  ["24", "Schulträgeraufgaben", "structure-known", "Sammelbereich 21–24; eigener Name für 24 nicht belegt"],
  ["25", "Kultur und Wissenschaft", "structure-known", "Sammelbereich 25–29"],
  ["26", "Kultur und Wissenschaft", "structure-known", "Sammelbereich 25–29; eigener Name für 26 nicht belegt"],
  ["27", "Kultur und Wissenschaft", "structure-known", "Sammelbereich 25–29; eigener Name für 27 nicht belegt"],
  ["28", "Kultur und Wissenschaft", "structure-known", "Sammelbereich 25–29; eigener Name für 28 nicht belegt"],
  ["29", "Kultur und Wissenschaft", "structure-known", "Sammelbereich 25–29; eigener Name für 29 nicht belegt"],
  [
    "31",
    "Soziale Hilfen",
    "unverified",
    "Sammelbereich 31–35; Name in den Ländern uneinheitlich („Soziale Hilfen“ / „Soziale Leistungen“)",
  ],
  [
    "33",
    "Soziale Hilfen",
    "unverified",
    "Sammelbereich 31–35; Name in den Ländern uneinheitlich („Soziale Hilfen“ / „Soziale Leistungen“)",
  ],
  [
    "34",
    "Soziale Hilfen",
    "unverified",
    "Sammelbereich 31–35; Name in den Ländern uneinheitlich („Soziale Hilfen“ / „Soziale Leistungen“)",
  ],
  [
    "35",
    "Soziale Hilfen",
    "unverified",
    "Sammelbereich 31–35; Name in den Ländern uneinheitlich („Soziale Hilfen“ / „Soziale Leistungen“)",
  ],
  ["36", "Kinder-, Jugend- und Familienhilfe", "structure-known"],
  ["41", "Gesundheitsdienste", "structure-known"],
  ["42", "Sportförderung", "structure-known"],
  ["51", "Räumliche Planung und Entwicklung, Geoinformationen", "structure-known"],
  ["52", "Bauen und Wohnen", "structure-known"],
  ["53", "Ver- und Entsorgung", "structure-known"],
  ["54", "Verkehrsflächen und -anlagen, ÖPNV", "structure-known"],
  ["55", "Natur- und Landschaftspflege", "structure-known"],
  ["56", "Umweltschutz", "structure-known"],
  ["57", "Wirtschaft und Tourismus", "structure-known"],
  ["61", "Allgemeine Finanzwirtschaft", "structure-known"],
];

// ---------------------------------------------------------------------------------------------
// Groups (Produktgruppen). Basis: "child:XXXX" = name taken from that subgroup's label;
// "national" = nationally common group heading (from domain knowledge, not checked);
// "dresden" = Dresden budget heading.

type GroupRow = readonly [code: string, name: string, basis: string];

const GROUPS: readonly GroupRow[] = [
  ["111", "Verwaltungssteuerung und -service", "dresden"],
  ["121", "Statistik und Wahlen", "national"],
  ["122", "Ordnungsangelegenheiten", "national"],
  ["125", "Leitstellen", "child:1250"],
  ["126", "Brandschutz", "child:1260"],
  ["127", "Rettungsdienst", "child:1270"],
  ["128", "Katastrophenschutz", "child:1280"],
  ["211", "Grundschulen", "child:2111"],
  ["215", "Oberschulen", "child:2151"],
  ["217", "Gymnasien, Kollegs", "child:2171"],
  ["219", "Gemeinschaftsschulen", "child:2191"],
  ["221", "Förderschulen", "national"],
  ["231", "Berufliche Schulen", "child:2311"],
  ["241", "Schülerbeförderung", "child:2410"],
  ["242", "Fördermaßnahmen für Schüler", "child:2420"],
  ["243", "Sonstige schulische Aufgaben", "child:2430"],
  ["252", "Nichtwissenschaftliche Museen, Sammlungen", "child:2520"],
  ["253", "Zoologische und Botanische Gärten", "child:2530"],
  ["254", "Sonstige sparten-/regionsübergreifende Förderung", "child:2540"],
  ["261", "Theater", "child:2610"],
  ["262", "Musikpflege", "child:2620"],
  ["263", "Musikschulen", "child:2630"],
  ["271", "Volkshochschulen", "child:2710"],
  ["272", "Bibliotheken", "child:2720"],
  ["281", "Heimat- und sonstige Kulturpflege", "child:2810"],
  ["291", "Förderung von Kirchengemeinden und sonstigen Religionsgemeinschaften", "child:2910"],
  ["311", "Grundversorgung und Hilfen nach dem SGB XII", "national"],
  ["312", "Grundsicherung für Arbeitsuchende nach dem SGB II", "national"],
  ["313", "Hilfen für Asylbewerber", "child:3130"],
  ["314", "Eingliederungshilfe nach SGB IX", "child:3140"],
  ["315", "Soziale Einrichtungen", "national"],
  ["331", "Förderung von Trägern der Wohlfahrtspflege", "child:3310"],
  ["341", "Unterhaltsvorschussleistungen", "child:3410"],
  ["343", "Betreuungsleistungen", "child:3430"],
  ["344", "Hilfen für Heimkehrer und politische Häftlinge", "child:3440"],
  ["345", "Leistungen für Bildung und Teilhabe", "child:3451/3452"],
  ["351", "Sonstige soziale Hilfen und Leistungen", "child:3510"],
  ["361", "Übernahme Elternbeiträge", "child:3610"],
  ["362", "Jugendarbeit/Jugendsozialarbeit/Kinder- und Jugendschutz", "child:3620"],
  ["363", "Sonstige Leistungen der Kinder-, Jugend- und Familienhilfe", "national"],
  ["364", "Hilfen für unbegleitete minderjährige Ausländer", "child:3640"],
  ["365", "Kindertageseinrichtungen/-pflege", "child:3650"],
  ["366", "Einrichtungen der Jugendarbeit", "child:3660"],
  ["367", "Sonstige Einrichtungen der Kinder-, Jugend- und Familienhilfe", "child:3670"],
  ["414", "Gesundheitspflege", "child:4140"],
  ["421", "Förderung des Sports", "child:4210"],
  ["424", "Sportstätten und Bäder", "national"],
  ["511", "Räumliche Planungs- und Entwicklungsmaßnahmen", "child:5111"],
  ["512", "Flächen- und grundstücksbezogene Daten und Grundlagen", "child:5120"],
  ["521", "Bau- und Grundstücksordnung", "child:5210"],
  ["522", "Wohnbauförderung", "child:5220"],
  ["523", "Denkmalschutz und -pflege", "child:5230"],
  ["533", "Wasserversorgung", "child:5330"],
  ["536", "Breitbandversorgung", "child:5360"],
  ["537", "Abfallwirtschaft", "child:5370"],
  ["538", "Abwasserbeseitigung", "child:5380"],
  ["541", "Gemeindestraßen", "child:5410"],
  ["542", "Kreisstraßen", "child:5420"],
  ["543", "Staatsstraßen", "child:5430"],
  ["544", "Bundesstraßen", "child:5440"],
  ["545", "Straßenreinigung", "national"],
  ["546", "Parkeinrichtungen", "child:5460"],
  ["547", "Öffentlicher Personennahverkehr", "child:5470"],
  ["549", "Sonstige Leistungen der Straßenbaulastträger", "child:5490"],
  ["551", "Öffentliches Grün/Landschaftsbau", "child:5510"],
  ["552", "Öffentliche Gewässer/Wasserbauliche Anlagen", "child:5520"],
  ["553", "Friedhofs- und Bestattungswesen", "child:5530"],
  ["554", "Naturschutz und Landschaftspflege", "child:5540"],
  ["555", "Land- und Forstwirtschaft", "child:5550"],
  ["561", "Umweltschutzmaßnahmen", "child:5610"],
  ["571", "Wirtschaftsförderung", "child:5710"],
  ["573", "Allgemeine Einrichtungen und Unternehmen", "child:5730"],
  ["575", "Tourismus", "child:5750"],
  ["611", "Steuern, allgemeine Zuweisungen, allgemeine Umlagen", "national"],
  ["612", "Sonstige allgemeine Finanzwirtschaft", "child:6120"],
];

// ---------------------------------------------------------------------------------------------
// Subgroups (Produktuntergruppen), all from Leipzig's 2025/26 budget. Third column: the original
// label when it was changed (abbreviations written out, typing errors fixed, local office
// references dropped). Abbreviations whose meaning is not certain are kept as they were.

type SubgroupRow = readonly [code: string, name: string, original?: string, remark?: string];

const SUBGROUPS: readonly SubgroupRow[] = [
  ["1111", "Gemeindeorgane"],
  ["1112", "Innere Verwaltungsangelegenheiten"],
  ["1113", "Finanzverwaltung"],
  ["1114", "Rechnungsprüfung"],
  ["1116", "Einrichtungen für die gesamte Verwaltung", "Einricht. f. d. gesamte Verwalt."],
  ["1211", "Statistik"],
  ["1212", "Wahlen"],
  ["1221", "Ordnungsaufgaben"],
  ["1222", "Melde- und Personenstandswesen"],
  ["1250", "Leitstellen"],
  ["1260", "Brandschutz"],
  ["1270", "Rettungsdienst"],
  ["1280", "Katastrophenschutz"],
  ["2111", "Grundschulen in öffentlicher Trägerschaft", "Grundschulen in öffentl. Trägerschaft"],
  ["2151", "Oberschulen in öffentlicher Trägerschaft", "Oberschulen in öffentl. Trägerschaft"],
  ["2153", "Abendoberschulen"],
  [
    "2171",
    "Gymnasien, Kollegs (ohne berufliche Gymnasien) in öffentlicher Trägerschaft",
    "Gymn,Koll.(oh.beruf.Gym.)in öffen Träger",
  ],
  ["2173", "Abendgymnasien"],
  ["2191", "Gemeinschaftsschulen in öffentlicher Trägerschaft", "Gemeinschaftsschulen in öffent.Trägersch"],
  ["2211", "Schulen für Blinde und Sehbehinderte"],
  ["2213", "Schulen für geistig Behinderte"],
  ["2214", "Schulen für Körperbehinderte"],
  ["2215", "Schulen zur Lernförderung"],
  ["2216", "Sprachheilschulen"],
  ["2217", "Schulen für Erziehungshilfe"],
  ["2218", "Klinik- und Krankenhausschulen"],
  [
    "2311",
    "Berufliche und berufsbildende Schulen in öffentlicher Trägerschaft",
    "Berufl.u.Berufsbild.Schul.in öffen.Träg.",
  ],
  ["2410", "Schülerbeförderung"],
  ["2420", "Fördermaßnahmen für Schüler", "Födermaßnahmen für Schüler", "Tippfehler berichtigt"],
  ["2430", "Sonstige schulische Aufgaben"],
  ["2520", "Nichtwissenschaftliche Museen, Sammlungen", "Nichtwiss. Museen, Sammlungen"],
  ["2530", "Zoologische und Botanische Gärten", "Zoologische u. Botanische Gärten"],
  [
    "2540",
    "Sonstige sparten-/regionsübergreifende Förderung",
    "Sonst.Sparten-/regionsübergr.Förd.Amt 41",
    "Abkürzungen ausgeschrieben, Leipziger Amtsnummer „Amt 41“ entfernt",
  ],
  ["2610", "Theater"],
  ["2620", "Musikpflege"],
  ["2630", "Musikschulen"],
  ["2710", "Volkshochschulen"],
  ["2720", "Bibliotheken"],
  ["2810", "Heimat- und sonstige Kulturpflege"],
  [
    "2910",
    "Förderung von Kirchengemeinden und sonstigen Religionsgemeinschaften",
    "Förd.v. Kirchengem./sonst. Religionsgem.",
  ],
  ["3111", "Hilfen zum Lebensunterhalt"],
  ["3112", "Hilfe zur Pflege"],
  ["3114", "Hilfen zur Gesundheit"],
  ["3115", "Hilfe zur Überwindung besonderer sozialer Schwierigkeiten", "Hilfe Überwind. bes.soz. Schwierigkeiten"],
  ["3116", "Hilfe in anderen Lebenslagen"],
  ["3117", "Grundsicherung im Alter und bei Erwerbsminderung", "Grundsicherung im Alter u. Erwerbsmind."],
  ["3118", "Leistungen für Bildung und Teilhabe nach § 34 SGB XII", "Lstg.f.Bildung u.Teilhabe nach §34SGBXII"],
  ["3121", "Leistungen für Unterkunft und Heizung"],
  ["3122", "Eingliederungshilfen"],
  ["3123", "Einmalige Leistungen"],
  ["3126", "Leistungen für Bildung/Teilhabe SGB II"],
  ["3127", "Verwaltungskosten in Jobcentern"],
  ["3130", "Hilfen für Asylbewerber"],
  ["3140", "Eingliederungshilfe nach SGB IX", "Eingiederungshilfe nach SGB IX", "Tippfehler berichtigt"],
  ["3154", "Soziale Einrichtungen für Wohnungslose", "Soz.Einricht.f.Wohnungslose"],
  [
    "3155",
    "Soziale Einrichtungen für Aussiedler und Kontingentflüchtlinge",
    "Soz.Einricht.f.Aussiedler/Konti",
    "Abkürzungen ausgeschrieben, „Konti“ als Kontingentflüchtlinge gelesen (naheliegend, nicht am amtlichen Text geprüft)",
  ],
  ["3156", "Andere soziale Leistungen"],
  ["3310", "Förderung von Trägern der Wohlfahrtspflege", "Förderung v. Trägern d. Wohlfahrtspflege"],
  ["3410", "Unterhaltsvorschussleistungen"],
  ["3430", "Betreuungsleistungen"],
  ["3440", "Hilfen für Heimkehrer und politische Häftlinge", "Hilfen f. Heimkehrer u. polit. Häftlinge"],
  ["3451", "Leistungen für Bildung und Teilhabe BKGG"],
  [
    "3452",
    "Leistungen für Bildung und Teilhabe WoGG",
    "Leistungen für Bildung und Teilhabe WOGG",
    "Schreibweise des Gesetzeskürzels berichtigt",
  ],
  ["3510", "Sonstige soziale Hilfen und Leistungen", "Sonst. soz. Hilfen u. Leistungen"],
  ["3610", "Übernahme Elternbeiträge"],
  ["3620", "Jugendarbeit/Jugendsozialarbeit/Kinder- und Jugendschutz", "Jugendarb./J.-Sozialarb./ K.-u.J.-Schutz"],
  ["3631", "Jugendsozialarbeit; erzieherischer Kinder- und Jugendschutz", "Jugendsozialarb.;erz.Kind.-Jugendschutz"],
  ["3632", "Förderung der Erziehung in der Familie"],
  ["3633", "Hilfe zur Erziehung"],
  ["3634", "Hilfen für junge Volljährige/Inobhutnahme/Eingliederungshilfe", "Hilf.f.junge Vollj./Inob./Einglied.hilfe"],
  [
    "3635",
    "Adoptionsvermittlung, Beistandschaft, Amtspflegschaft und -vormundschaft, Gerichtshilfe",
    "Adoption.Bei.,Amtspf.u.-vormund,Gericht.",
    "Abkürzungen ausgeschrieben, „Adoption.“ und „Gericht.“ nach den Aufgaben des Jugendamts im SGB VIII gelesen (nicht am amtlichen Text geprüft)",
  ],
  ["3636", "Schulsozialarbeit"],
  ["3640", "Hilfen für unbegleitete minderjährige Ausländer", "Hilfen f. unbegleit. minderj. Ausländer"],
  ["3650", "Kindertageseinrichtungen/-pflege", "Kindertageseinricht./-pflege"],
  ["3651", "Horte"],
  ["3660", "Einrichtungen der Jugendarbeit"],
  ["3670", "Sonstige Einrichtungen der Kinder-, Jugend- und Familienhilfe", "Sonst. Einricht.d.Kin.-,Jug.-u.Fam.hilfe"],
  ["4140", "Gesundheitspflege"],
  ["4210", "Förderung des Sports"],
  ["4241", "Sportstätten und Sporteinrichtungen"],
  ["4242", "Bäder"],
  ["5111", "Räumliche Planungs- und Entwicklungsmaßnahmen", "Räuml. Plan.-u. Entwickl.maßn."],
  ["5120", "Flächen- und grundstücksbezogene Daten und Grundlagen", "Flächen-u.Grundstücksbez.Daten u.Grundl."],
  ["5210", "Bau- und Grundstücksordnung"],
  ["5220", "Wohnbauförderung"],
  ["5230", "Denkmalschutz und -pflege"],
  ["5330", "Wasserversorgung"],
  ["5360", "Breitbandversorgung"],
  ["5370", "Abfallwirtschaft"],
  ["5380", "Abwasserbeseitigung"],
  ["5410", "Gemeindestraßen"],
  ["5420", "Kreisstraßen"],
  ["5430", "Staatsstraßen"],
  ["5440", "Bundesstraßen"],
  ["5451", "Straßenreinigung"],
  [
    "5452",
    "Winterdienst Gemeindestraßen, Wege, Plätze",
    "Winterdienst Gemeindestraßen,Wege,Plätze",
    "Leerzeichen ergänzt",
  ],
  ["5460", "Parkeinrichtungen"],
  ["5470", "Öffentlicher Personennahverkehr"],
  ["5490", "Sonstige Leistungen der Straßenbaulastträger", "Sonst.Leistg.Straßenbaulastträger"],
  ["5510", "Öffentliches Grün/Landschaftsbau"],
  ["5520", "Öffentliche Gewässer/Wasserbauliche Anlagen", "Öffentl.Gewässer/Wasserbaul. Anl."],
  ["5530", "Friedhofs- und Bestattungswesen"],
  ["5540", "Naturschutz und Landschaftspflege"],
  ["5550", "Land- und Forstwirtschaft"],
  ["5610", "Umweltschutzmaßnahmen"],
  ["5611", "Nachhaltige Entwicklung und Klimaschutz"],
  ["5710", "Wirtschaftsförderung"],
  ["5730", "Allgemeine Einrichtungen und Unternehmen", "Allgem. Einricht. u. Unternehmen"],
  ["5750", "Tourismus"],
  [
    "6110",
    "Steuern, allgemeine Zuweisungen, allgemeine Umlagen",
    "Steuern, allg. Zuw., allg. Unt.",
    "Abkürzungen ausgeschrieben, „allg. Unt.“ wie die Gruppe 611 als „allgemeine Umlagen“ gelesen (nicht am amtlichen Text geprüft)",
  ],
  ["6120", "Sonstige allgemeine Finanzwirtschaft"],
  ["6122", "Kassenkredite"],
];

// ---------------------------------------------------------------------------------------------
// Who usually carries each subgroup (see ProductResponsibility). Groups and areas take their
// subgroups' value when all agree, else `mixed`.

const M = "municipality";
const C = "county";
const E = "either";
const S = "state";

const SUBGROUP_RESPONSIBILITY: Readonly<Record<string, Exclude<ProductResponsibility, "mixed">>> = {
  // Innere Verwaltung; Rechnungsprüfung: small Gemeinden have no Rechnungsprüfungsamt of their own
  "1111": M,
  "1112": M,
  "1113": M,
  "1114": E,
  "1116": M,
  // Sicherheit und Ordnung: Statistikstellen in large towns; Leitstellen, Rettungsdienst und
  // Katastrophenschutz beim Landkreis (oder Zweckverband)
  "1211": E,
  "1212": M,
  "1221": M,
  "1222": M,
  "1250": C,
  "1260": M,
  "1270": C,
  "1280": C,
  // Schulen: Grund- und Oberschulen trägt die Gemeinde; Gymnasien und Gemeinschaftsschulen der
  // Landkreis oder größere Gemeinden; Förder- und berufliche Schulen, Abendschulen und die
  // Schülerbeförderung der Landkreis
  "2111": M,
  "2151": M,
  "2153": C,
  "2171": E,
  "2173": C,
  "2191": E,
  "2211": C,
  "2213": C,
  "2214": C,
  "2215": C,
  "2216": C,
  "2217": C,
  "2218": C,
  "2311": C,
  "2410": C,
  "2420": E,
  "2430": E,
  // Kultur: Musikschulen und Volkshochschulen meist auf Kreisebene (Kulturraum)
  "2520": M,
  "2530": E,
  "2540": E,
  "2610": E,
  "2620": E,
  "2630": C,
  "2710": C,
  "2720": M,
  "2810": M,
  "2910": E,
  // Soziale Hilfen: örtlicher Träger ist der Landkreis
  "3111": C,
  "3112": C,
  "3114": C,
  "3115": C,
  "3116": C,
  "3117": C,
  "3118": C,
  "3121": C,
  "3122": C,
  "3123": C,
  "3126": C,
  "3127": C,
  "3130": C,
  "3140": C,
  "3154": E,
  "3155": C,
  "3156": E,
  "3310": E,
  "3410": C,
  "3430": C,
  "3440": C,
  "3451": C,
  "3452": C,
  "3510": E,
  // Kinder- und Jugendhilfe: Jugendamt beim Landkreis; Kindertagesbetreuung bei der Gemeinde
  "3610": C,
  "3620": E,
  "3631": C,
  "3632": C,
  "3633": C,
  "3634": C,
  "3635": C,
  "3636": E,
  "3640": C,
  "3650": M,
  "3651": M,
  "3660": M,
  "3670": C,
  // Gesundheit, Sport
  "4140": C,
  "4210": M,
  "4241": M,
  "4242": M,
  // Planung, Bauen: Denkmalschutz- und Naturschutzbehörde beim Landkreis; die Bauaufsicht auch, die
  // Gemeinde hat in 5210 aber ihre Bauverwaltung (Einvernehmen, Stellungnahmen, Grundstücke)
  "5111": M,
  "5120": E,
  "5210": M,
  "5220": E,
  "5230": E,
  // Ver- und Entsorgung: Wasser und Abwasser oft über Zweckverbände der Gemeinden; Abfall beim Landkreis
  "5330": M,
  "5360": E,
  "5370": C,
  "5380": M,
  // Verkehr
  "5410": M,
  "5420": C,
  "5430": S,
  "5440": S,
  "5451": M,
  "5452": M,
  "5460": M,
  "5470": C,
  "5490": M,
  // Natur, Umwelt, Wirtschaft
  "5510": M,
  "5520": M,
  "5530": M,
  "5540": E,
  "5550": E,
  "5610": E,
  "5611": E,
  "5710": M,
  "5730": M,
  "5750": M,
  // Allgemeine Finanzwirtschaft
  "6110": M,
  "6120": M,
  "6122": M,
};

function subgroupResponsibility(code: string): Exclude<ProductResponsibility, "mixed"> {
  const found = SUBGROUP_RESPONSIBILITY[code];
  if (found === undefined) throw new Error(`product framework: no responsibility for ${code}`);
  return found;
}

/** The value all subgroups below `code` share, or `mixed`. */
function sharedResponsibility(code: string): ProductResponsibility {
  const values = new Set(SUBGROUPS.filter(([c]) => c.startsWith(code)).map(([c]) => subgroupResponsibility(c)));
  const [only] = values;
  return values.size === 1 && only !== undefined ? only : "mixed";
}

// ---------------------------------------------------------------------------------------------

function areaEntry([code, name, verification, note]: AreaRow): ProductFrameworkEntry {
  const source = note === undefined ? NATIONAL_AREA : `${NATIONAL_AREA}; ${note}`;
  return { code, name, level: "area", source, verification, responsibility: sharedResponsibility(code) };
}

function groupEntry([code, name, basis]: GroupRow): ProductFrameworkEntry {
  if (basis === "dresden") {
    return {
      code,
      name,
      level: "group",
      source: `${DRESDEN}; entspricht der bundesweit üblichen Gliederung`,
      verification: "structure-known",
      responsibility: sharedResponsibility(code),
    };
  }
  const how = basis.startsWith("child:")
    ? `Name aus der Leipziger Bezeichnung der Untergruppe ${basis.slice("child:".length)} abgeleitet`
    : "Name nach der bundesweit üblichen Produktgruppengliederung (Fachkenntnis, nicht an Anlage 1 geprüft)";
  return {
    code,
    name,
    level: "group",
    source: `${DERIVED_GROUP}; ${how}`,
    verification: "unverified",
    responsibility: sharedResponsibility(code),
  };
}

function subgroupEntry([code, name, original, remark]: SubgroupRow): ProductFrameworkEntry {
  const notes = [
    "örtliche Bezeichnung",
    original === undefined ? undefined : `Original „${original}“, ${remark ?? "Abkürzungen ausgeschrieben"}`,
  ].filter((n): n is string => n !== undefined);
  return {
    code,
    name,
    level: "subgroup",
    source: `${LEIPZIG}; ${notes.join("; ")}`,
    verification: "local-label",
    responsibility: subgroupResponsibility(code),
  };
}

function freezeEntry(entry: ProductFrameworkEntry): ProductFrameworkEntry {
  return Object.freeze(entry);
}

/** The framework, sorted by code (string order puts every parent right before its children). */
export const PRODUCT_FRAMEWORK: readonly ProductFrameworkEntry[] = Object.freeze(
  [...AREAS.map(areaEntry), ...GROUPS.map(groupEntry), ...SUBGROUPS.map(subgroupEntry)]
    .map(freezeEntry)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
);

const BY_CODE: ReadonlyMap<string, ProductFrameworkEntry> = new Map(PRODUCT_FRAMEWORK.map((e) => [e.code, e]));

const LEAVES: readonly ProductFrameworkEntry[] = Object.freeze(
  PRODUCT_FRAMEWORK.filter(
    (entry) =>
      !PRODUCT_FRAMEWORK.some((other) => other.code.length > entry.code.length && other.code.startsWith(entry.code)),
  ),
);

/** The level a code of this length has, or undefined when it is not 2–4 digits. */
export function levelOfCode(code: string): ProductFrameworkLevel | undefined {
  if (!/^\d{2,4}$/.test(code)) return undefined;
  return code.length === 2 ? "area" : code.length === 3 ? "group" : "subgroup";
}

/** `"1111"` → `"111"`, `"111"` → `"11"`, an area → undefined. */
export function parentCode(code: string): string | undefined {
  return code.length > 2 ? code.slice(0, -1) : undefined;
}

/** The entry with this code (surrounding spaces ignored), or undefined. */
export function findProduct(code: string): ProductFrameworkEntry | undefined {
  return BY_CODE.get(code.trim());
}

/** True when the code is one of the framework's codes (any level). */
export function isFrameworkCode(code: string): boolean {
  return BY_CODE.has(code.trim());
}

/**
 * Entries that have no deeper entry below them, sorted by code: the most detailed products,
 * used to pre-fill a town's task catalogue.
 */
export function productLeaves(): readonly ProductFrameworkEntry[] {
  return LEAVES;
}

/**
 * The product selections a task catalogue can be pre-filled with:
 * - `municipality`: the products a kreisangehörige Gemeinde usually carries itself (responsibility
 *   `municipality`) — the default, since the users are such Gemeinden and the county's products
 *   would only be rows to delete;
 * - `all`: every product of the framework excerpt (e.g. for a kreisfreie Stadt or a Große
 *   Kreisstadt that carries county tasks).
 * The Produktrahmen sheet always lists every product, with its responsibility in words.
 */
export type ProductSelection = "municipality" | "all";

export const PRODUCT_SELECTIONS: readonly ProductSelection[] = ["municipality", "all"];

/** The default selection of the pre-filled rows (see {@link ProductSelection}). */
export const DEFAULT_PRODUCT_SELECTION: ProductSelection = "municipality";

const MUNICIPALITY_LEAVES: readonly ProductFrameworkEntry[] = Object.freeze(
  LEAVES.filter((entry) => entry.responsibility === "municipality"),
);

/** The most detailed products of a selection, sorted by code. */
export function selectedProducts(selection: ProductSelection): readonly ProductFrameworkEntry[] {
  return selection === "all" ? LEAVES : MUNICIPALITY_LEAVES;
}
