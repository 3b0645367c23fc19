/** The „So geht’s“ sheet of the IT service catalogue: the template's own words (lib/plan/planGuideSheet.ts adds the rest). */
import type { GuideContent } from "../../lib/plan/planGuideSheet.js";

export const serviceCatalogueGuide: GuideContent = {
  name: { de: "So geht’s (IT)", en: "How to (IT)" },
  purpose: {
    de: "Diese Mappe erfasst die IT-Services Ihrer Kommune mit Kosten, Verträgen und Kritikalität und zeigt, welche Services sich zuerst für eine gemeinsame Lösung mit den Partnerkommunen eignen.",
    en: "This workbook lists your town's IT services with cost, contracts and criticality, and shows which services suit a joint solution with the partner towns first.",
  },
  fill: [
    {
      de: "„IT-Kommune“: Name, Stichtag und das Zeitfenster in Monaten, in dem auslaufende Verträge zählen.",
      en: "“IT town”: name, reference date and the window in months in which ending contracts count.",
    },
    {
      de: "„Services“: eine Zeile je IT-Service. Auswahlfelder über die Liste füllen; Produktcodes aus „IT-Produktrahmen“, mehrere mit Komma.",
      en: "“Services”: one row per IT service. Fill the drop-downs from their lists; product codes from “IT product framework”, several separated by commas.",
    },
  ],
  computed: [
    {
      de: "Die Priorität (0–100) wächst mit Kosten, Kritikalität und einem Vertragsende im Zeitfenster; das Blatt „Punkteschema“ zeigt die Punkte im Einzelnen.",
      en: "The priority (0–100) grows with cost, criticality and a contract ending in the window; the sheet “Score rules” shows the points in detail.",
    },
  ],
  check: [
    {
      de: "Zeile 3 der Blätter „IT-Kommune“ und „Services“ zeigt „✓“ oder „✗“ mit dem Grund (z. B. Stichtag fehlt).",
      en: "Row 3 of the sheets “IT town” and “Services” shows “✓” or “✗” with the reason (e.g. reference date missing).",
    },
  ],
  share: [
    {
      de: "Jede Kommune erfasst ihre eigenen Services. ikz-kit legt die Dateien nebeneinander: gleiche Softwareprodukte, gemeinsame Vertragsenden und die Services mit der höchsten Priorität im Verbund.",
      en: "Each town lists its own services. ikz-kit puts the files side by side: the same software products, shared contract ends and the services with the highest priority across the partnership.",
    },
  ],
};
