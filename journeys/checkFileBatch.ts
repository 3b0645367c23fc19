/**
 * Reading a batch of files, the one journey behind `ikz analyse`, `ikz roadmap`, `ikz consolidate`
 * and the pane's partner import, template analysis and partnership workbook: each file is read
 * and checked in turn (with progress), then taken or left out — another template, errors, no
 * readable .xlsx, or a town already taken (in any spelling, lib/towns). Reading is the caller's:
 * each file comes with its own `check`.
 */
import type { Language } from "../lib/spec/TemplateSpec.js";
import { normaliseTownName } from "../lib/towns/townNames.js";
import { createIssue, type ValidationIssue } from "../lib/validation/ValidationIssue.js";
import type { ParsedWorkbook } from "../lib/validation/readWorkbook.js";
import type { AnalysisSource } from "../templates/analysis.js";
import type { TemplateModule } from "../templates/registry.js";
import type { WorkbookCheck } from "./checkWorkbook.js";

/** A checked file: its check, and why it is no readable .xlsx at all (undefined when it was read). */
export interface FileCheck {
  readonly check: WorkbookCheck;
  readonly unreadable: ValidationIssue | undefined;
}

/** A file of a batch: its name (as the statuses and findings show it) and how to read and check it. */
export interface BatchFile {
  readonly name: string;
  /** Reads the file and checks it (see checkWorkbook); never throws for the user's file. */
  check(): Promise<FileCheck>;
}

/** What happened to one file of a batch; each carries its check. */
export type FileStatus =
  | { readonly kind: "taken"; readonly file: string; readonly town: string; readonly check: WorkbookCheck }
  /** A workbook of another template (or none of ikz-kit's): left out. */
  | {
      readonly kind: "otherTemplate";
      readonly file: string;
      readonly templateId: string | undefined;
      readonly check: WorkbookCheck;
    }
  /** The template's workbook, with errors: left out. */
  | {
      readonly kind: "invalid";
      readonly file: string;
      readonly errorCount: number;
      readonly firstError: ValidationIssue | undefined;
      readonly check: WorkbookCheck;
    }
  /** No readable .xlsx: left out. */
  | {
      readonly kind: "unreadable";
      readonly file: string;
      readonly issue: ValidationIssue;
      readonly check: WorkbookCheck;
    }
  /** A town already taken from another file: left out. */
  | {
      readonly kind: "duplicate";
      readonly file: string;
      readonly issue: ValidationIssue;
      readonly check: WorkbookCheck;
    };

/**
 * Called before each file with the files done so far, their number and the file's name, and once
 * more when all are done (`done === total`, no name).
 */
export type BatchProgress = (done: number, total: number, file: string) => void | Promise<void>;

/** Reads and checks the files one after another. */
export async function checkFiles(
  files: readonly BatchFile[],
  onProgress?: BatchProgress,
): Promise<{ readonly file: string; readonly checked: FileCheck }[]> {
  const checked: { file: string; checked: FileCheck }[] = [];
  for (const [index, file] of files.entries()) {
    await onProgress?.(index, files.length, file.name);
    checked.push({ file: file.name, checked: await file.check() });
  }
  await onProgress?.(files.length, files.length, "");
  return checked;
}

export interface TakeOptions {
  readonly language: Language;
  /** Only workbooks of this template are taken; undefined: any template's. */
  readonly template?: TemplateModule | undefined;
  /** Towns taken before these files (the open workbook's), with their file. */
  readonly taken?: readonly { readonly town: string; readonly file: string }[];
}

export interface FileBatch {
  /** One per file, in order. */
  readonly statuses: readonly FileStatus[];
  /** The workbooks taken, with their towns, in file order. */
  readonly sources: readonly AnalysisSource[];
}

/**
 * Takes or leaves out checked files: a file is taken when it was read, is of `template` (when
 * given) and without errors, and its town — the template analysis' `townOf`, else the file's name without
 * its folder —
 * was not taken before.
 */
export function takeFiles(
  checked: readonly { readonly file: string; readonly checked: FileCheck }[],
  options: TakeOptions,
): FileBatch {
  const fileOfTown = new Map<string, string>(
    (options.taken ?? []).map(({ town, file }) => [normaliseTownName(town), file]),
  );
  const statuses: FileStatus[] = [];
  const sources: AnalysisSource[] = [];
  for (const { file, checked: fileCheck } of checked) {
    const { check, unreadable } = fileCheck;
    const { report } = check;
    if (unreadable) {
      statuses.push({ kind: "unreadable", file, issue: unreadable, check });
      continue;
    }
    if (options.template && check.template !== options.template) {
      statuses.push({ kind: "otherTemplate", file, templateId: check.template?.spec.id ?? report.templateId, check });
      continue;
    }
    if (!report.valid || !report.workbook) {
      const errors = report.issues.filter((issue) => issue.severity === "error");
      statuses.push({ kind: "invalid", file, errorCount: errors.length, firstError: errors[0], check });
      continue;
    }
    const town = townOf(check, report.workbook) ?? baseName(file);
    const earlier = fileOfTown.get(normaliseTownName(town));
    if (earlier !== undefined) {
      const issue = createIssue(
        "error",
        "roadmap.duplicateTown",
        options.language,
        { file },
        { value: town, other: earlier },
      );
      statuses.push({ kind: "duplicate", file, issue, check });
      continue;
    }
    fileOfTown.set(normaliseTownName(town), file);
    sources.push({ workbook: report.workbook, town });
    statuses.push({ kind: "taken", file, town, check });
  }
  return { statuses, sources };
}

/** `/pfad/zu/bockau.xlsx` → `bockau.xlsx`: the stand-in town of a workbook that names none. */
function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

function townOf(check: WorkbookCheck, workbook: ParsedWorkbook): string | undefined {
  return check.template?.analysis?.townOf(workbook);
}

/** Reads, checks and takes the files: {@link checkFiles}, then {@link takeFiles}. */
export async function checkFileBatch(
  files: readonly BatchFile[],
  options: TakeOptions & { readonly onProgress?: BatchProgress },
): Promise<FileBatch> {
  return takeFiles(await checkFiles(files, options.onProgress), options);
}
