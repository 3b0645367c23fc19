/**
 * Placeholder task pane: the page text is static HTML; this script only reports whether
 * office.js found an Office host. It must not fail in a plain browser or when the office.js CDN
 * is unreachable.
 */

const STATUS_ELEMENT_ID = "host-status";

/**
 * Turns the result of `Office.onReady` into a German status line.
 *
 * @param info - what `Office.onReady` resolved with, or `undefined` when office.js did not load.
 * @example
 * describeOfficeHost({ host: "Excel", platform: "PC" }); // "Verbunden mit Excel (PC)."
 */
export function describeOfficeHost(info: OfficeReadyInfo | undefined): string {
  if (info === undefined) {
    return "office.js wurde nicht geladen – die Seite läuft ohne Verbindung zu Office.";
  }
  if (info.host === null) {
    return "Kein Office-Programm erkannt – die Seite ist in einem normalen Browser geöffnet.";
  }
  return `Verbunden mit ${info.host} (${info.platform ?? "unbekannte Plattform"}).`;
}

function showStatus(text: string): void {
  const element = document.getElementById(STATUS_ELEMENT_ID);
  if (element !== null) {
    element.textContent = text;
  }
}

async function startTaskpane(): Promise<void> {
  if (typeof Office === "undefined") {
    showStatus(describeOfficeHost(undefined));
    return;
  }
  try {
    showStatus(describeOfficeHost(await Office.onReady()));
  } catch (error: unknown) {
    showStatus("Office konnte nicht gestartet werden.");
    console.error(error);
  }
}

void startTaskpane();
