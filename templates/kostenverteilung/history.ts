/**
 * The earlier versions of template „Kostenverteilung“, for `ikz upgrade` (see
 * lib/spec/TemplateHistory.ts): each as it differed from the version after it.
 *
 * 0.1.0 (commit c489e72) had single keys only, on the sheets „Kommunen“, „Kostenpositionen“,
 * „Verteilung“ and „Listen“. The towns' input columns moved in 0.2.0 (the host-town flag to the
 * front, the population's reference date and the actual values added), the per-town weight
 * columns and the intermediate sums went away, and „Grunddaten“, „Ergebnis“ and „Teilbeträge“
 * came new.
 */
import type { TemplateRevision } from "../../lib/spec/TemplateHistory.js";

const computed = (key: string, de: string, en: string) => ({ key, label: { de, en }, retired: "computed" }) as const;

export const COST_ALLOCATION_HISTORY: readonly TemplateRevision[] = [
  {
    // 0.5.0 added the date of the calculation and the due dates of the four advances to
    // „Grunddaten“, below the year (and hid the working sheets, which moves no input)
    version: "0.4.0",
    sheets: [
      {
        key: "settings",
        description: {
          de: "Gemeinsame Stelle, Haushaltsjahr und die Verwaltungskostenpauschale (Prozent der Kostenpositionen, verteilt nach eigenem Schlüssel). Blau = berechnet.",
          en: "Joint unit, budget year and the administrative overhead (percent of the cost items, split by its own key). Blue = computed.",
        },
        columns: [
          "unitName",
          "year",
          "overheadName",
          "overheadPercent",
          "overheadKey",
          "overheadMixEqual",
          "overheadMixPopulation",
          "overheadMixCases",
          "overheadMixWorkplaces",
          "overheadMixFteShare",
          "overheadKeyNo",
          "planBaseCents",
          "planOverheadCents",
          "actualBaseCents",
          "actualOverheadCents",
          "overheadCheck",
        ],
      },
    ],
  },
  // 0.4.0 gave „Listen“ its own name, so templates share a workbook (docs/decisions/0010)
  { version: "0.3.0", sheets: [{ key: "lists", name: { de: "Listen", en: "Lists" } }] },
  {
    // 0.3.0 added the sheet's own checks: the towns' „Probe“ column, the overhead's check on
    // „Grunddaten“ (and the summary line on „Ergebnis“), and prepared 12 town and 40 item rows.
    version: "0.2.0",
    sheets: [
      {
        key: "settings",
        columns: [
          "unitName",
          "year",
          "overheadName",
          "overheadPercent",
          "overheadKey",
          "overheadMixEqual",
          "overheadMixPopulation",
          "overheadMixCases",
          "overheadMixWorkplaces",
          "overheadMixFteShare",
          "overheadKeyNo",
          "planBaseCents",
          "planOverheadCents",
          "actualBaseCents",
          "actualOverheadCents",
        ],
      },
      {
        key: "towns",
        description: {
          de: "Eine Zeile je Kommune. Schlüsselwerte ausfüllen, die ein Schlüssel braucht (0 = zahlt nach diesem Schlüssel nichts). Festanteile ergeben zusammen 100. Ist-Werte nur für die Spitzabrechnung.",
          en: "One row per town. Fill in the key values the keys need (0 = pays nothing by that key). Fixed percentages sum to 100. Actual values only for the true-up.",
        },
        columns: [
          "no",
          "name",
          "isHost",
          "population",
          "populationDate",
          "cases",
          "workplaces",
          "fteShare",
          "fixedPercent",
          "actualPopulation",
          "actualCases",
          "actualWorkplaces",
          "actualFteShare",
          "planCents",
          "actualCents",
        ],
      },
      {
        key: "items",
        description: {
          de: "Eine Zeile je Kostenposition: Jahresbetrag in € und Schlüssel aus der Liste. Mischschlüssel: Anteile in %, zusammen 100. Pauschale je Fall: Betrag je Fall statt Jahresbetrag. Blau = berechnet.",
          en: "One row per cost item: annual amount in € and a key from the list. Mixed key: shares in %, together 100. Flat fee per case: the fee instead of an amount. Blue = computed.",
        },
      },
    ],
  },
  {
    version: "0.1.0",
    absent: ["settings", "result", "parts"],
    sheets: [
      {
        key: "towns",
        description: {
          de: "Eine Zeile je Kommune. Schlüsselwerte, die ein Schlüssel braucht, ausfüllen (0 = zahlt nichts nach diesem Schlüssel). Festanteile ergeben zusammen 100 %.",
          en: "One row per town. Fill in the key values the keys need (0 = pays nothing by that key). Fixed percentages sum to 100 %.",
        },
        columns: [
          "no",
          "name",
          "population",
          "cases",
          "workplaces",
          "fteShare",
          "fixedPercent",
          "isHost",
          computed("wEqual", "Gewicht gleich", "Weight equal"),
          computed("wPopulation", "Gewicht Einwohner", "Weight population"),
          computed("wCases", "Gewicht Fälle", "Weight cases"),
          computed("wWorkplaces", "Gewicht Arbeitsplätze", "Weight workplaces"),
          computed("wFteShare", "Gewicht VZÄ (1/100)", "Weight FTE (1/100)"),
          computed("wFixedPercent", "Gewicht Festanteil (1/100 %)", "Weight fixed (1/100 %)"),
          { key: "totalCents", label: { de: "Summe (Cent)", en: "Total (cents)" }, to: "planCents" },
          computed("total", "Summe (€)", "Total (€)"),
        ],
      },
      {
        key: "items",
        description: {
          de: "Eine Zeile je Kostenposition: Jahresbetrag in € und Schlüssel aus der Liste. Blau = berechnet.",
          en: "One row per cost item: annual amount in € and a key from the list. Blue = computed.",
        },
        columns: [
          "no",
          "name",
          "amount",
          "key",
          { key: "cents", label: { de: "Betrag (Cent)", en: "Amount (cents)" }, to: "planCents" },
          "keyNo",
          computed("weightSum", "Summe Gewichte W", "Sum of weights W"),
          computed("residual", "Restcent R", "Residual cents R"),
          { key: "distributed", label: { de: "Verteilt (€)", en: "Distributed (€)" } },
        ],
      },
      {
        key: "allocation",
        title: { de: "Verteilung je Kostenposition und Kommune", en: "Allocation per cost item and town" },
        description: {
          de: "Berechnet, nicht ändern: Größte-Reste-Verfahren auf Cent (bei gleichem Rest zuerst die früher genannte Kommune).",
          en: "Computed, do not change: largest-remainder method on cents (equal remainders go to the town listed first).",
        },
        columns: [
          { key: "itemNo", label: { de: "Pos.-Nr.", en: "Item no." }, to: "slotNo" },
          "item",
          "townNo",
          "town",
          { key: "weight", label: { de: "Gewicht w", en: "Weight w" } },
          { key: "base", label: { de: "Grundanteil b (Cent)", en: "Base b (cents)" } },
          { key: "remainder", label: { de: "Rest r", en: "Remainder r" } },
          { key: "position", label: { de: "Reihenfolge Rest (0 = zuerst)", en: "Remainder order (0 = first)" } },
          { key: "cents", label: { de: "Anteil (Cent)", en: "Share (cents)" } },
          computed("share", "Anteil (€)", "Share (€)"),
        ],
      },
    ],
  },
];
