/** The exceljs adapter (Node): write plans to .xlsx, read .xlsx into snapshots. */
export { FileExistsError, PlanWriteError, UnusableFileError } from "./errors.js";
export type { DetectedFormat, ExceededLimit, UnusableReason } from "./errors.js";
export { inspectXlsx, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES } from "./inspectFile.js";
export type { InspectOptions, InspectedXlsx } from "./inspectFile.js";
export { READ_LIMITS, readLimits } from "./readLimits.js";
export type { ReadLimits } from "./readLimits.js";
export { readSnapshotFromXlsx } from "./readSnapshotFromXlsx.js";
export type { ReadOptions } from "./readSnapshotFromXlsx.js";
export { writePlanToBuffer, writePlanToFile, writePlanToXlsx } from "./writePlanToXlsx.js";
export type { BufferWriteOptions, FileWriteOptions, WriteOptions } from "./writePlanToXlsx.js";
