/**
 * Tells an .xlsx from everything users mail around as one, before any parser sees the bytes:
 * empty files, PDFs, CSV/HTML saved as .xlsx, old .xls, password-protected workbooks,
 * OpenDocument files, other zips, truncated downloads and zip bombs. Reads only the head of
 * the file and the zip's central directory (plus, for OLE files, the whole file, bounded by
 * the size limit), so it is cheap for a 50 MB file.
 */
import { open, stat, type FileHandle } from "node:fs/promises";
import { UnusableFileError, type DetectedFormat, type ExceededLimit, type UnusableReason } from "./errors.js";
import { isModelPart, READ_LIMITS, readLimits, type ReadLimits } from "./readLimits.js";

/**
 * Limits to apply instead of {@link READ_LIMITS} (tests use small ones). Inspection checks the
 * file size, the number of entries, and every entry's declared unpacked size and ratio.
 */
export type InspectOptions = Partial<ReadLimits>;

export const DEFAULT_MAX_FILE_BYTES = READ_LIMITS.maxFileBytes;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = READ_LIMITS.maxUncompressedBytes;

/** One entry of the zip's central directory. */
export interface ZipEntryInfo {
  readonly name: string;
  /** The name's bytes read as UTF-8, as the streaming unzipper names the entry. */
  readonly utf8Name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface InspectedXlsx {
  readonly size: number;
  readonly entries: readonly ZipEntryInfo[];
  /** Sum of the declared uncompressed sizes. */
  readonly uncompressedSize: number;
}

/** Random access to the file's bytes, from memory or from disk. */
interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.byteLength, offset + length))),
    close: () => Promise.resolve(),
  };
}

function fileSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(wanted);
      let done = 0;
      while (done < wanted) {
        const { bytesRead } = await handle.read(buffer, done, wanted - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

/**
 * Whether an OLE compound file has a directory entry (stream or storage) of this name:
 * entries are 128-byte records, 128-aligned, starting with the UTF-16LE name and its
 * terminator, with the name's byte length (terminator included) at offset 64.
 */
function hasCfbEntry(file: Uint8Array, name: string): boolean {
  const needle = new Uint8Array((name.length + 1) * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  const first = needle[0] as number;
  for (let i = file.indexOf(first); i !== -1; i = file.indexOf(first, i + 1)) {
    if (i % 128 !== 0 || i + 66 > file.length) continue;
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if (file[i + j] !== needle[j]) {
        match = false;
        break;
      }
    }
    if (match && u16(file, i + 64) === needle.length) return true;
  }
  return false;
}

/** Streams of other OLE files: Word, PowerPoint, Outlook messages, Visio. */
const OTHER_OLE_ENTRIES = ["WordDocument", "PowerPoint Document", "__properties_version1.0", "VisioDocument"] as const;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] as const;
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06] as const;
const ZIP_SPANNED = [0x50, 0x4b, 0x07, 0x08] as const;
const PDF = [0x25, 0x50, 0x44, 0x46] as const; // %PDF

const HEAD_BYTES = 4096;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Checks that a file is a zip holding an .xlsx workbook; throws {@link UnusableFileError}
 * with the reason otherwise.
 */
export async function inspectXlsx(
  input: Uint8Array | string,
  fileName: string,
  options: InspectOptions = {},
): Promise<InspectedXlsx> {
  const limits = readLimits(options);
  const maxFileBytes = limits.maxFileBytes;
  const fail = (reason: UnusableReason, detail: string, extra: FailExtra = {}): never => {
    throw new UnusableFileError(fileName, reason, detail, extra);
  };

  let source: ByteSource;
  if (typeof input === "string") {
    let size: number;
    try {
      const info = await stat(input);
      if (info.isDirectory()) return fail("notFound", "the path is a directory, not a file");
      size = info.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return fail("notFound", "no such file", { cause: error });
      return fail("notFound", `the file cannot be opened (${code ?? String(error)})`, { cause: error });
    }
    if (size === 0) return fail("empty", "the file is empty (0 bytes)", { size: 0 });
    if (size > maxFileBytes) {
      return fail("tooLarge", `the file has ${formatBytes(size)}; at most ${formatBytes(maxFileBytes)} are read`, {
        size,
        limit: maxFileBytes,
      });
    }
    let handle: FileHandle;
    try {
      handle = await open(input, "r");
    } catch (error) {
      return fail("notFound", `the file cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
        cause: error,
      });
    }
    source = fileSource(handle, size);
  } else {
    if (input.byteLength === 0) return fail("empty", "the file is empty (0 bytes)", { size: 0 });
    if (input.byteLength > maxFileBytes) {
      return fail(
        "tooLarge",
        `the file has ${formatBytes(input.byteLength)}; at most ${formatBytes(maxFileBytes)} are read`,
        {
          size: input.byteLength,
          limit: maxFileBytes,
        },
      );
    }
    source = memorySource(input);
  }
  try {
    return await inspectSource(source, limits, fail);
  } finally {
    await source.close();
  }
}

interface FailExtra {
  detected?: DetectedFormat;
  size?: number;
  limit?: number;
  exceeded?: ExceededLimit;
  part?: string;
  cause?: unknown;
}

type Fail = (reason: UnusableReason, detail: string, extra?: FailExtra) => never;

async function inspectSource(source: ByteSource, limits: ReadLimits, fail: Fail): Promise<InspectedXlsx> {
  const head = await source.read(0, HEAD_BYTES);
  if (startsWith(head, CFB_SIGNATURE)) {
    // OLE compound file: an encrypted OOXML package, an old .xls, or another Office file.
    const whole = await source.read(0, source.size);
    if (hasCfbEntry(whole, "EncryptionInfo") || hasCfbEntry(whole, "EncryptedPackage")) {
      return fail("encrypted", "a password-protected (encrypted) workbook", { detected: "encryptedOoxml" });
    }
    if (hasCfbEntry(whole, "Workbook") || hasCfbEntry(whole, "Book")) {
      return fail("notXlsx", "an old .xls (BIFF) file", { detected: "xls" });
    }
    if (OTHER_OLE_ENTRIES.some((name) => hasCfbEntry(whole, name))) {
      return fail("notXlsx", "an OLE compound file (e.g. an old .doc or .msg), not a workbook", { detected: "ole" });
    }
    // Office writes a password-protected workbook into this container too; a directory we
    // cannot read (or a copy cut short) leaves the two cases an encrypted workbook and an old .xls
    return fail("notXlsx", "an OLE compound file: a password-protected workbook or an old .xls", {
      detected: "encryptedOrXls",
    });
  }
  if (startsWith(head, PDF)) return fail("notXlsx", "a PDF", { detected: "pdf" });
  if (!startsWith(head, ZIP_LOCAL) && !startsWith(head, ZIP_EMPTY) && !startsWith(head, ZIP_SPANNED)) {
    const text = describeText(head);
    if (text) return fail("notXlsx", text.detail, { detected: text.detected });
    return fail("notZip", "an unrecognised binary file (not a zip, so not an .xlsx)", { detected: "unknownBinary" });
  }
  const entries = await readCentralDirectory(source, limits.maxEntries, fail);
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("mimetype")) {
    const mimetype = await readStoredEntry(
      source,
      entries.find((entry) => entry.name === "mimetype"),
    );
    if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
      return fail("notXlsx", "an OpenDocument (.ods) file", { detected: "ods" });
    }
    if (mimetype?.startsWith("application/vnd.oasis.opendocument")) {
      return fail("notXlsx", "an OpenDocument file (not a spreadsheet)", { detected: "odf" });
    }
  }
  if (!names.has("xl/workbook.xml")) {
    if (names.has("xl/workbook.bin")) return fail("notXlsx", "an Excel binary workbook (.xlsb)", { detected: "xlsb" });
    if (names.has("word/document.xml")) return fail("notXlsx", "a Word document (.docx)", { detected: "docx" });
    if (names.has("ppt/presentation.xml"))
      return fail("notXlsx", "a PowerPoint presentation (.pptx)", { detected: "pptx" });
    return fail("notXlsx", "a zip archive without a workbook", { detected: "zip" });
  }
  if (entries.some((entry) => (entry.flags & 0x1) !== 0)) {
    return fail("encrypted", "a zip archive with encrypted (password-protected) entries", { detected: "encryptedZip" });
  }
  const unsupported = entries.find((entry) => entry.method !== 0 && entry.method !== 8);
  if (unsupported)
    return fail(
      "corrupt",
      `the zip entry ${unsupported.name} uses compression method ${unsupported.method}, which cannot be read`,
    );
  checkDeclaredSizes(entries, limits, fail);
  const uncompressedSize = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  return { size: source.size, entries, uncompressedSize };
}

/**
 * The limits a zip's directory can be held to before anything is inflated: each entry's ratio,
 * each model part's size, the total. The reader then holds every entry to its declared size.
 */
function checkDeclaredSizes(entries: readonly ZipEntryInfo[], limits: ReadLimits, fail: Fail): void {
  for (const entry of entries) {
    if (entry.uncompressedSize < limits.ratioMinBytes) continue;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxCompressionRatio) {
      fail(
        "tooLarge",
        `the zip entry ${entry.name} unpacks ${Math.round(ratio)} times its packed size (${formatBytes(entry.compressedSize)} → ${formatBytes(entry.uncompressedSize)}): a zip bomb`,
        { exceeded: "compressionRatio", size: Math.round(ratio), limit: limits.maxCompressionRatio, part: entry.name },
      );
    }
  }
  for (const entry of entries) {
    if (isModelPart(entry.name) && entry.uncompressedSize > limits.maxModelPartBytes) {
      fail(
        "tooLarge",
        `the zip entry ${entry.name} unpacks to ${formatBytes(entry.uncompressedSize)}; at most ${formatBytes(limits.maxModelPartBytes)} are read`,
        { exceeded: "modelPartBytes", size: entry.uncompressedSize, limit: limits.maxModelPartBytes, part: entry.name },
      );
    }
  }
  const uncompressedSize = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (uncompressedSize > limits.maxUncompressedBytes) {
    fail(
      "tooLarge",
      `the workbook unpacks to ${formatBytes(uncompressedSize)}; at most ${formatBytes(limits.maxUncompressedBytes)} are read`,
      { exceeded: "unpackedBytes", size: uncompressedSize, limit: limits.maxUncompressedBytes },
    );
  }
}

function describeText(head: Uint8Array): { detail: string; detected: DetectedFormat } | undefined {
  let text: string;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head.subarray(2));
  } else {
    if (head.includes(0)) return undefined;
    // text in UTF-8 or a legacy 8-bit code page (German CSV exports are often Windows-1252)
    let control = 0;
    for (const b of head) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    }
    if (control > head.length / 100) return undefined;
    text = new TextDecoder("utf-8").decode(head);
  }
  const start = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || /^<(head|body|table|meta)\b/.test(start)) {
    return { detail: "an HTML file (a web page saved with a spreadsheet extension)", detected: "html" };
  }
  if (start.startsWith("<?xml") || start.startsWith("<")) {
    if (text.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      return { detail: "an XML Spreadsheet 2003 file", detected: "xml" };
    }
    return { detail: "an XML file", detected: "xml" };
  }
  if (start.startsWith("{\\rtf")) return { detail: "an RTF document", detected: "rtf" };
  return { detail: "a CSV/text file", detected: "text" };
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
async function readCentralDirectory(source: ByteSource, maxEntries: number, fail: Fail): Promise<ZipEntryInfo[]> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1)
    return fail("corrupt", "the zip archive is truncated or damaged (no central directory; an incomplete download?)");
  let count = u16(tail, eocd + 10);
  let directorySize = u32(tail, eocd + 12);
  let directoryOffset = u32(tail, eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(tail, locator) !== ZIP64_LOCATOR_SIGNATURE) {
      return fail("corrupt", "the zip archive's ZIP64 directory is missing");
    }
    const zip64Offset = u64(tail, locator + 8);
    const zip64 = await source.read(zip64Offset, 56);
    if (u32(zip64, 0) !== ZIP64_EOCD_SIGNATURE) return fail("corrupt", "the zip archive's ZIP64 directory is damaged");
    count = u64(zip64, 32);
    directorySize = u64(zip64, 40);
    directoryOffset = u64(zip64, 48);
  }
  if (count > maxEntries)
    return fail("tooLarge", `the zip archive has ${count} entries; at most ${maxEntries} are read`, {
      exceeded: "entries",
      size: count,
      limit: maxEntries,
    });
  if (directoryOffset + directorySize > source.size) {
    return fail("corrupt", "the zip archive is truncated or damaged (its directory points past the end of the file)");
  }
  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  for (let index = 0; index < count; index++) {
    if (p + 46 > directory.length || u32(directory, p) !== CENTRAL_SIGNATURE) {
      return fail("corrupt", "the zip archive's central directory is damaged");
    }
    const flags = u16(directory, p + 8);
    const method = u16(directory, p + 10);
    let compressedSize = u32(directory, p + 20);
    let uncompressedSize = u32(directory, p + 24);
    const nameLength = u16(directory, p + 28);
    const extraLength = u16(directory, p + 30);
    const commentLength = u16(directory, p + 32);
    let localHeaderOffset = u32(directory, p + 42);
    const nameBytes = directory.subarray(p + 46, p + 46 + nameLength);
    const name = new TextDecoder((flags & 0x800) !== 0 ? "utf-8" : "latin1").decode(nameBytes);
    // ZIP64 extended information: the sizes and offset that did not fit in 32 bits
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(directory, e);
      const length = u16(directory, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(directory, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(directory, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(directory, q);
      }
      e += 4 + length;
    }
    entries.push({
      name: name.replace(/\\/g, "/"),
      utf8Name: new TextDecoder("utf-8").decode(nameBytes),
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of a small stored (uncompressed) entry, e.g. OpenDocument's `mimetype`. */
async function readStoredEntry(source: ByteSource, entry: ZipEntryInfo | undefined): Promise<string | undefined> {
  if (!entry || entry.method !== 0 || entry.compressedSize > 1024) return undefined;
  const header = await source.read(entry.localHeaderOffset, 30);
  if (u32(header, 0) !== LOCAL_SIGNATURE) return undefined;
  const dataStart = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const data = await source.read(dataStart, entry.compressedSize);
  return new TextDecoder("latin1").decode(data).trim();
}
