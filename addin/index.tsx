/**
 * Entry of the task pane bundle. preflight.js (ES5, loaded first) has already turned away
 * browsers this bundle cannot run in (Internet Explorer, old Edge, Safari/WebKit before 15.4)
 * and set `OsfOptOut`. Every Excel call waits while a cell is being edited, and start-up tries
 * again while Excel is not ready (addin/host/connectHost.ts, docs/decisions/0012).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { connectHost } from "./host/connectHost.js";
import { defaultStorage, readStoredLanguage } from "./useLanguage.js";

const container = document.getElementById("root");
if (container && document.documentElement.dataset["ikzUnsupported"] === undefined) {
  createRoot(container).render(
    <StrictMode>
      <App connect={() => connectHost(readStoredLanguage(defaultStorage()))} />
    </StrictMode>,
  );
}
