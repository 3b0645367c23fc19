/**
 * Finds out where the pane runs: inside Excel (→ the Office.js host), or in a plain browser,
 * another Office application, or without office.js at all (→ file mode). Inside Excel the first
 * call may fail for a while (a cell being edited on hosts that cannot wait for it, a dialog
 * open, Excel busy): it is tried again a bounded number of times with growing pauses, and after
 * that the pane offers to try again (docs/decisions/0012).
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
  | { readonly kind: "file"; readonly reason: FileModeReason; readonly hostName?: string }
  /**
   * Excel is there, but its first call failed (after the retries when `transient`). The pane
   * works with files meanwhile and offers to try again.
   */
  | {
      readonly kind: "unavailable";
      readonly error: unknown;
      /** True when trying again later may succeed (Excel busy, a cell being edited, …). */
      readonly transient: boolean;
      readonly describeError?: HostErrorDescriber;
    };

/** Pauses between start-up attempts in Excel: 5 attempts within about 15 s, then the pane asks. */
export const START_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000];

export interface ConnectOptions {
  /** Connects to Excel once; default {@link loadOfficeHost} (tests pass a stand-in). */
  readonly load?: (language: Language) => Promise<Connection>;
  /** Waits `ms` before the next attempt; default a timer (tests pass one that returns at once). */
  readonly wait?: (ms: number) => Promise<void>;
  /** The pauses between attempts; their number bounds the retries. */
  readonly retryDelaysMs?: readonly number[];
}

/** What `Office.onReady` resolves with; `host` is null outside an Office application. */
interface ReadyInfo {
  readonly host: string | null;
}

/** The Office global as far as start-up needs it; undefined when office.js did not load. */
function officeGlobal(): { onReady(): Promise<ReadyInfo> } | undefined {
  const candidate = (globalThis as { Office?: { onReady?: unknown } }).Office;
  return candidate && typeof candidate.onReady === "function"
    ? (candidate as { onReady(): Promise<ReadyInfo> })
    : undefined;
}

const waitWithTimer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects to Excel when there is one; otherwise says why the pane works with files.
 * @param language the language of the Excel host's own progress texts
 */
export async function connectHost(language: Language, options: ConnectOptions = {}): Promise<Connection> {
  const office = officeGlobal();
  if (!office) return { kind: "file", reason: "noOffice" };
  const info = await office.onReady();
  if (info.host === null) return { kind: "file", reason: "noHost" };
  if (info.host !== "Excel") return { kind: "file", reason: "otherHost", hostName: info.host };
  return connectToExcel(language, options);
}

/**
 * The Excel part of {@link connectHost}: tries `load` until it connects, fails for good, or the
 * pauses are used up (then the last failure is returned).
 */
export async function connectToExcel(language: Language, options: ConnectOptions = {}): Promise<Connection> {
  const load = options.load ?? loadOfficeHost;
  const wait = options.wait ?? waitWithTimer;
  const delays = options.retryDelaysMs ?? START_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    const connection = await load(language);
    const delay = delays[attempt];
    if (connection.kind !== "unavailable" || !connection.transient || delay === undefined) return connection;
    await wait(delay);
  }
}
