/** The „So geht’s“ sheet of the cost allocation: the template's own words (lib/plan/planGuideSheet.ts adds the rest). */
import type { GuideContent } from "../../lib/plan/planGuideSheet.js";

export const costAllocationGuide: GuideContent = {
  name: { de: "So geht’s (Kosten)", en: "How to (costs)" },
  purpose: {
    de: "Diese Mappe verteilt die Kosten einer gemeinsamen Stelle cent-genau auf die beteiligten Kommunen – nach Schlüsseln wie Einwohnern, Fallzahlen oder Arbeitsplätzen. Das Blatt „Ergebnis“ ist die Anlage zur Zweckvereinbarung.",
    en: "This workbook allocates the cost of a joint unit to the towns taking part, to the cent – by keys such as population, cases or workplaces. The sheet “Result” is the annex to the cooperation agreement.",
  },
  fill: [
    {
      de: "„Grunddaten“: gemeinsame Stelle, Haushaltsjahr und, wenn vereinbart, die Verwaltungskostenpauschale.",
      en: "“Basics”: joint unit, budget year and, where agreed, the administrative overhead.",
    },
    {
      de: "„Kommunen“: eine Zeile je Kommune, die Sitzgemeinde mit „x“. Nur die Schlüsselwerte eintragen, die ein gewählter Schlüssel braucht (0 = zahlt nach diesem Schlüssel nichts). Ist-Werte erst für die Spitzabrechnung nach dem Jahr.",
      en: "“Towns”: one row per town, the host town marked “x”. Enter only the key values a chosen key needs (0 = pays nothing by that key). Actual values only for the true-up after the year.",
    },
    {
      de: "„Kostenpositionen“: eine Zeile je Position mit Jahresbetrag und Schlüssel aus der Auswahlliste; beim Mischschlüssel die Anteile in Prozent, zusammen 100.",
      en: "“Cost items”: one row per item with its annual amount and a key from the drop-down; for a mixed key the shares in percent, 100 in total.",
    },
  ],
  computed: [
    {
      de: "Jeder Betrag wird in Cent verteilt (Größte-Reste-Verfahren): die Anteile der Kommunen ergeben zusammen genau den Betrag. „Teilbeträge“ und „Verteilung“ zeigen jeden Rechenschritt.",
      en: "Every amount is allocated in cents (largest remainder method): the towns' shares add up to exactly the amount. “Key parts” and “Allocation” show every step.",
    },
  ],
  check: [
    {
      de: "Die Spalten „Probe“ zeigen „✓“ oder „✗“ und den Grund (z. B. Anteile nicht zusammen 100). Das „Ergebnis“ nennt oben, ob alle Proben bestanden sind.",
      en: "The “Check” columns show “✓” or “✗” and the reason (e.g. shares not 100 in total). The “Result” says at the top whether all checks passed.",
    },
  ],
  share: [
    {
      de: "Die Kostenverteilung führt meist die Sitzgemeinde für alle. Die Partnerkommunen liefern ihre Schlüsselwerte (Einwohner zum Stichtag, Fallzahlen, Arbeitsplätze) – oder ikz-kit übernimmt sie aus ihren Dateien in die Verbundmappe, die ein vorausgefülltes Kostenmodell enthält.",
      en: "The host town usually keeps the cost allocation for everyone. The partner towns supply their key values (population at the reference date, cases, workplaces) – or ikz-kit takes them from their files into the partnership workbook, which holds a pre-filled cost model.",
    },
  ],
};
