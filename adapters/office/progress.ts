/**
 * Progress of a long write or read, 0–1, with a short text for a progress bar. The pane's
 * `WorkbookHost` (addin/host) passes its own listener of the same shape through.
 */
export type ProgressListener = (fraction: number, label: string) => void;
