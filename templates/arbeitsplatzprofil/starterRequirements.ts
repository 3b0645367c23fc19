/**
 * The starter set of requirements every new profile is pre-filled with: five to eight per
 * dimension, written for this kit along the six dimensions of measure 4.3 of the guideline. The
 * working group edits, deletes and adds to them; they are a starting point, not a standard.
 */
import type { LocalizedText } from "../../lib/spec/TemplateSpec.js";
import type { DimensionKey, Obligation } from "../../lib/workplace/model.js";
import type { RoleKey } from "./reference.js";

export interface StarterRequirement {
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: LocalizedText;
  readonly obligation: Obligation;
  /** The roles it applies to; absent = every role. */
  readonly roles?: readonly RoleKey[];
}

export const STARTER_REQUIREMENTS: readonly StarterRequirement[] = [
  // Hybrid: the same tools in the town hall, at home and on the move
  {
    id: "HYB-01",
    dimension: "hybrid",
    obligation: "must",
    roles: ["clerk", "manager", "fieldService", "itSupport"],
    text: {
      de: "Notebook mit Dockingstation statt fest installiertem Bürorechner",
      en: "Notebook with docking station instead of a fixed office PC",
    },
  },
  {
    id: "HYB-02",
    dimension: "hybrid",
    obligation: "must",
    text: {
      de: "Gesicherter Fernzugang (VPN o. Ä.) zu Fachverfahren, DMS und Ablagen",
      en: "Secured remote access (VPN or similar) to applications, DMS and file stores",
    },
  },
  {
    id: "HYB-03",
    dimension: "hybrid",
    obligation: "should",
    text: {
      de: "Headset und Kamera für Videobesprechungen an jedem Arbeitsplatz",
      en: "Headset and camera for video meetings at every workplace",
    },
  },
  {
    id: "HYB-04",
    dimension: "hybrid",
    obligation: "should",
    text: {
      de: "Telefonie über den Rechner: unter der eigenen Durchwahl überall erreichbar",
      en: "Telephony on the computer: reachable under one's own extension anywhere",
    },
  },
  {
    id: "HYB-05",
    dimension: "hybrid",
    obligation: "should",
    roles: ["fieldService"],
    text: {
      de: "Tablet oder Smartphone für die Erfassung vor Ort, Daten direkt ins Fachverfahren",
      en: "Tablet or smartphone for recording on site, data straight into the application",
    },
  },
  {
    id: "HYB-06",
    dimension: "hybrid",
    obligation: "should",
    roles: ["clerk", "manager"],
    text: {
      de: "Dienstvereinbarung regelt mobiles Arbeiten und Erreichbarkeit",
      en: "A works agreement settles mobile working and availability",
    },
  },
  {
    id: "HYB-07",
    dimension: "hybrid",
    obligation: "may",
    roles: ["clerk"],
    text: {
      de: "Buchbare Wechselarbeitsplätze im Rathaus (Desk-Sharing)",
      en: "Bookable shared desks in the town hall (desk sharing)",
    },
  },

  // Digital: cases handled electronically from end to end
  {
    id: "DIG-01",
    dimension: "digital",
    obligation: "must",
    text: {
      de: "Elektronische Akte (DMS) für den ganzen Vorgang, keine Papierakte daneben",
      en: "Electronic file (DMS) for the whole case, no paper file alongside",
    },
  },
  {
    id: "DIG-02",
    dimension: "digital",
    obligation: "must",
    roles: ["clerk", "citizenService"],
    text: {
      de: "Posteingang wird zentral gescannt und elektronisch zugestellt",
      en: "Incoming post is scanned centrally and delivered electronically",
    },
  },
  {
    id: "DIG-03",
    dimension: "digital",
    obligation: "must",
    roles: ["manager", "clerk"],
    text: {
      de: "Mitzeichnung und Freigabe im elektronischen Umlauf",
      en: "Co-signing and approval by electronic routing",
    },
  },
  {
    id: "DIG-04",
    dimension: "digital",
    obligation: "should",
    roles: ["clerk", "manager"],
    text: {
      de: "E-Rechnungen digital empfangen, sachlich prüfen und anweisen",
      en: "E-invoices received, checked and approved digitally",
    },
  },
  {
    id: "DIG-05",
    dimension: "digital",
    obligation: "should",
    roles: ["manager"],
    text: {
      de: "Qualifizierte elektronische Signatur für Bescheide und Verträge",
      en: "Qualified electronic signature for notices and contracts",
    },
  },
  {
    id: "DIG-06",
    dimension: "digital",
    obligation: "may",
    roles: ["clerk"],
    text: {
      de: "Formulare ohne Programmierkenntnisse selbst digital erstellen",
      en: "Build digital forms oneself, without programming skills",
    },
  },

  // Networked: applications exchange data instead of running side by side
  {
    id: "NET-01",
    dimension: "networked",
    obligation: "must",
    text: {
      de: "Fachverfahren und DMS über Schnittstellen verbunden, keine Doppelerfassung",
      en: "Applications and DMS linked by interfaces, nothing entered twice",
    },
  },
  {
    id: "NET-02",
    dimension: "networked",
    obligation: "must",
    roles: ["clerk", "citizenService"],
    text: {
      de: "Online-Anträge (z. B. über Amt24) landen ohne Abtippen im Fachverfahren",
      en: "Online applications (e.g. via Amt24) reach the application without retyping",
    },
  },
  {
    id: "NET-03",
    dimension: "networked",
    obligation: "should",
    text: {
      de: "Gemeinsame Plattform mit den Partnerkommunen für Dateien, Chat und Video",
      en: "Shared platform with the partner towns for files, chat and video",
    },
  },
  {
    id: "NET-04",
    dimension: "networked",
    obligation: "should",
    roles: ["clerk", "manager", "itSupport"],
    text: {
      de: "Rollen- und Rechtekonzept erlaubt Zugriff auf gemeinsame Verfahren im Verbund",
      en: "Role and rights concept allows access to shared applications across the group",
    },
  },
  {
    id: "NET-05",
    dimension: "networked",
    obligation: "should",
    text: {
      de: "Ein zentrales Adress- und Kontaktverzeichnis für alle Beschäftigten",
      en: "One central directory of addresses and contacts for all staff",
    },
  },
  {
    id: "NET-06",
    dimension: "networked",
    obligation: "may",
    text: {
      de: "Räume und Dienstfahrzeuge in einem gemeinsamen Kalender buchen",
      en: "Rooms and pool vehicles booked in one shared calendar",
    },
  },

  // User-friendly: easy to use, quickly ready, reliable help
  {
    id: "USR-01",
    dimension: "userFriendly",
    obligation: "must",
    text: {
      de: "IT-Support mit festen Reaktionszeiten, Störungen am selben Tag bearbeitet",
      en: "IT support with fixed response times, faults handled the same day",
    },
  },
  {
    id: "USR-02",
    dimension: "userFriendly",
    obligation: "must",
    text: {
      de: "Barrierefreie Hilfsmittel (Lupe, Vorlesefunktion) auf Anforderung",
      en: "Accessibility aids (magnifier, screen reader) on request",
    },
  },
  {
    id: "USR-03",
    dimension: "userFriendly",
    obligation: "should",
    roles: ["clerk", "manager", "citizenService"],
    text: {
      de: "Zwei Bildschirme, damit Akte und Fachverfahren nebeneinander offen sind",
      en: "Two screens, so that file and application are open side by side",
    },
  },
  {
    id: "USR-04",
    dimension: "userFriendly",
    obligation: "should",
    text: {
      de: "Einmal anmelden, alle Anwendungen nutzen (Single Sign-on)",
      en: "Sign in once, use every application (single sign-on)",
    },
  },
  {
    id: "USR-05",
    dimension: "userFriendly",
    obligation: "should",
    text: {
      de: "Schulung zu jeder neuen Software und Kurzanleitungen im Intranet",
      en: "Training for every new software and short guides on the intranet",
    },
  },
  {
    id: "USR-06",
    dimension: "userFriendly",
    obligation: "should",
    text: {
      de: "Geräte höchstens fünf Jahre alt, nach dem Einschalten rasch arbeitsbereit",
      en: "Devices at most five years old, ready to work soon after switching on",
    },
  },
  {
    id: "USR-07",
    dimension: "userFriendly",
    obligation: "may",
    text: {
      de: "Selbsthilfe-Portal für Routinefälle (Kennwort zurücksetzen, Drucker)",
      en: "Self-service portal for routine cases (password reset, printers)",
    },
  },

  // Service-oriented: easy to reach, digitally
  {
    id: "SRV-01",
    dimension: "serviceOriented",
    obligation: "must",
    roles: ["clerk", "citizenService"],
    text: {
      de: "Anliegen per E-Mail und Kontaktformular, mit automatischer Eingangsbestätigung",
      en: "Requests by e-mail and contact form, with an automatic acknowledgement",
    },
  },
  {
    id: "SRV-02",
    dimension: "serviceOriented",
    obligation: "must",
    roles: ["clerk", "citizenService", "manager"],
    text: {
      de: "Funktionspostfächer und Vertretungsregeln: keine Anfrage bleibt liegen",
      en: "Team mailboxes and cover rules: no request is left lying",
    },
  },
  {
    id: "SRV-03",
    dimension: "serviceOriented",
    obligation: "should",
    roles: ["clerk", "citizenService"],
    text: {
      de: "Verschlüsselter Austausch mit Bürgern und Firmen (z. B. Servicekonto-Postfach)",
      en: "Encrypted exchange with citizens and firms (e.g. service account inbox)",
    },
  },
  {
    id: "SRV-04",
    dimension: "serviceOriented",
    obligation: "should",
    roles: ["citizenService"],
    text: {
      de: "Online-Terminvergabe für Bürgerbüro und Standesamt",
      en: "Online appointment booking for citizens' office and registry office",
    },
  },
  {
    id: "SRV-05",
    dimension: "serviceOriented",
    obligation: "should",
    roles: ["citizenService"],
    text: {
      de: "Gebühren mit Karte und online bezahlbar",
      en: "Fees payable by card and online",
    },
  },
  {
    id: "SRV-06",
    dimension: "serviceOriented",
    obligation: "may",
    roles: ["citizenService", "clerk"],
    text: {
      de: "Beratung per Video für Anliegen, die kein persönliches Erscheinen brauchen",
      en: "Advice by video for matters that need no visit in person",
    },
  },

  // Standardised: uniform devices and software, orderly licences and operations
  {
    id: "STD-01",
    dimension: "standardised",
    obligation: "must",
    text: {
      de: "Einheitlicher Geräte-Warenkorb im Verbund (Notebook, Bildschirm, Headset)",
      en: "One device catalogue across the group (notebook, screen, headset)",
    },
  },
  {
    id: "STD-02",
    dimension: "standardised",
    obligation: "must",
    text: {
      de: "Zentrale Softwareverteilung, Sicherheitsupdates automatisch und zeitnah",
      en: "Central software deployment, security updates automatic and prompt",
    },
  },
  {
    id: "STD-03",
    dimension: "standardised",
    obligation: "must",
    roles: ["itSupport"],
    text: {
      de: "Lizenzverzeichnis: jede Lizenz zugeordnet, Vertragslaufzeiten erfasst",
      en: "Licence register: every licence assigned, contract terms recorded",
    },
  },
  {
    id: "STD-04",
    dimension: "standardised",
    obligation: "must",
    text: {
      de: "Datensicherung nach festem Verfahren, Wiederherstellung jährlich erprobt",
      en: "Backups by a fixed procedure, restore tested every year",
    },
  },
  {
    id: "STD-05",
    dimension: "standardised",
    obligation: "should",
    text: {
      de: "Gleiches Office-Paket und gleiche Dateiformate in allen Partnerkommunen",
      en: "The same office suite and file formats in every partner town",
    },
  },
  {
    id: "STD-06",
    dimension: "standardised",
    obligation: "should",
    roles: ["itSupport"],
    text: {
      de: "Beschaffung, Ausgabe, Rücknahme und Entsorgung von Geräten beschrieben",
      en: "Purchase, issue, return and disposal of devices written down",
    },
  },
  {
    id: "STD-07",
    dimension: "standardised",
    obligation: "may",
    text: {
      de: "Geräte im Mietmodell mit festem Austauschzyklus",
      en: "Devices leased with a fixed replacement cycle",
    },
  },
];
