/** The „So geht’s“ sheet of the PESTEL analysis: the template's own words (lib/plan/planGuideSheet.ts adds the rest). */
import type { GuideContent } from "../../lib/plan/planGuideSheet.js";

export const pestelGuide: GuideContent = {
  name: { de: "So geht’s (PESTEL)", en: "How to (PESTEL)" },
  purpose: {
    de: "Diese Mappe sammelt die Einflüsse von außen (politisch, wirtschaftlich, sozial, technologisch, ökologisch, rechtlich) auf die Verwaltung Ihrer Kommune und zeigt, wo sie am stärksten drücken und wo die Kommune selbst etwas tun kann.",
    en: "This workbook collects the outside influences (political, economic, social, technological, environmental, legal) on your town's administration and shows where they press hardest and where the town can act itself.",
  },
  fill: [
    {
      de: "„PESTEL-Kommune“: Name und Stand; die Schwelle für Brennpunkte kann bleiben.",
      en: "“PESTEL town”: name and date; the hot-spot threshold can stay.",
    },
    {
      de: "„Themen“: eine Zeile je Thema mit Faktor (Außensicht) und Element (Innensicht), dazu Einfluss von außen und eigener Handlungsspielraum, je 0–3. Maßnahmen mit ihrer Nummer aus „Maßnahmen“.",
      en: "“Themes”: one row per theme with its factor (outside view) and element (inside view), and the outside influence and own room for action, each 0–3. Measures by their number from “Measures”.",
    },
  ],
  computed: [
    {
      de: "Punkte = Einfluss × Handlungsspielraum (0–9). Ab der Schwelle ist ein Thema ein Brennpunkt. Die „Matrix“ zählt die Themen und Punkte je Faktor und Element.",
      en: "Score = influence × room for action (0–9). From the threshold on a theme is a hot spot. The “Matrix” counts the themes and scores per factor and element.",
    },
  ],
  marks: [
    {
      de: "„Matrix“: je dunkler ein Feld, desto mehr Punkte – die Zahl steht immer im Feld.",
      en: "“Matrix”: the darker a field, the higher the score – the number always stands in the field.",
    },
  ],
  check: [
    {
      de: "In der Spalte „Brennpunkt“ steht „✗“ und der Grund, wenn eine Zeile nicht gerechnet werden kann (z. B. Bewertung nicht 0–3).",
      en: "The column “Hot spot” shows “✗” and the reason when a row cannot be computed (e.g. rating not 0–3).",
    },
  ],
  share: [
    {
      de: "Jede Kommune bewertet ihre eigenen Themen. ikz-kit legt die Matrizen der Kommunen nebeneinander: Brennpunkte, die mehrere Kommunen teilen, sind Kandidaten für gemeinsame Maßnahmen.",
      en: "Each town rates its own themes. ikz-kit puts the towns' matrices side by side: hot spots several towns share are candidates for joint measures.",
    },
  ],
};
