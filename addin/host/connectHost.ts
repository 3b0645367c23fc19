/**
 * Finds out where the pane runs: inside Excel (→ the Office.js host), or in a plain browser,
 * another Office application, or without office.js at all (→ file mode).
 */
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { HostErrorDescriber } from "./describeError.js";
import { loadOfficeHost } from "./loadOfficeHost.js";
import type { WorkbookHost } from "./WorkbookHost.js";

/** Why the pane works with files instead of the open workbook. */
export type FileModeReason =
  /** office.js did not load (blocked, offline, opened from disk). */
  | "noOffice"
  /** office.js loaded in a plain browser: `Office.onReady` gave no host. */
  | "noHost"
  /** Another Office application (the manifest targets Excel only; seen when sideloaded elsewhere). */
  | "otherHost"
  /** Excel is older than the pane needs (below ExcelApi 1.7: Office 2016 MSI); `hostName` names the set. */
  | "excelTooOld";

export type Connection =
  | { readonly kind: "excel"; readonly host: WorkbookHost; readonly describeError?: HostErrorDescriber }
  | { readonly kind: "file"; readonly reason: FileModeReason; readonly hostName?: string };

/** What `Office.onReady` resolves with; `host` is null outside an Office application. */
interface ReadyInfo {
  readonly host: string | null;
}

/** The Office global as far as start-up needs it; undefined when office.js did not load. */
function officeGlobal(): { onReady(): Promise<ReadyInfo> } | undefined {
  const candidate = (globalThis as { Office?: { onReady?: unknown } }).Office;
  return candidate && typeof candidate.onReady === "function" ? (candidate as { onReady(): Promise<ReadyInfo> }) : undefined;
}

/**
 * Connects to Excel when there is one; otherwise says why the pane works with files.
 * @param language the language of the Excel host's own progress texts
 */
export async function connectHost(language: Language): Promise<Connection> {
  const office = officeGlobal();
  if (!office) return { kind: "file", reason: "noOffice" };
  const info = await office.onReady();
  if (info.host === null) return { kind: "file", reason: "noHost" };
  if (info.host !== "Excel") return { kind: "file", reason: "otherHost", hostName: info.host };
  return loadOfficeHost(language);
}
