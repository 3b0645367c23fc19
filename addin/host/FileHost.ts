import type { CellRef, WorkbookHost } from "./WorkbookHost.js";

/** What the pane shows of a file-mode host besides the WorkbookHost calls. */
export interface FileHostState {
  /** True once a plan was inserted: the download differs from the picked file. */
  readonly changed: boolean;
  /** The cell last "selected" (there is no sheet to show it in). */
  readonly current: CellRef | undefined;
  readonly marked: readonly CellRef[];
}

/** A WorkbookHost over a picked file (see file/FileWorkbookHost.ts). */
export interface FileHost extends WorkbookHost {
  readonly kind: "file";
  readonly fileState: FileHostState;
  /** Calls `listener` on every change of {@link FileHostState}; returns the unsubscribe function. */
  subscribe(listener: (state: FileHostState) => void): () => void;
  /** The workbook as it is now, as .xlsx bytes (for the download). */
  toBytes(): Promise<Uint8Array>;
}
