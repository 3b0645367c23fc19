/**
 * One town, one row: how town names from several files (or several rows of one file) are compared.
 *
 * - {@link normaliseTownName} is the key two spellings of the same town share: the same letters
 *   after Unicode normalisation (NFKC: composed umlauts, compatibility spaces and letters folded),
 *   without invisible characters (soft hyphen, zero-width space, byte-order mark), with every run of
 *   white space (tab, no-break space U+00A0, narrow no-break space U+202F, …) as one space, trimmed,
 *   every dash as „-“, case-insensitive (ß and ẞ as „ss“, so „GROSSSCHIRMA“ is „Großschirma“).
 *   Names with the same key are the same town: callers merge them.
 * - {@link findLikelyDuplicateTowns} also reports names that are *probably* the same town but
 *   may be two: an administrative word in front („Gemeinde Bockau“ / „Bockau“), a district
 *   („Ortsteil Bockau“ / „Bockau“), a qualifier on one of them only („Bockau (Erzgeb.)“ / „Bockau“),
 *   another spelling of umlauts, ß, hyphens or spaces („Schoenheide“ / „Schönheide“), or one
 *   letter apart (Damerau–Levenshtein distance 1 — one letter added, dropped, replaced, or two
 *   neighbours swapped — on names of at least {@link ONE_LETTER_MIN_LENGTH} letters). These are
 *   never merged: two real towns can look like this (Lengenfeld and Lengefeld in Saxony are one
 *   letter apart; Oelsnitz/Vogtl. and Oelsnitz/Erzgeb. differ only by their qualifier, and are not
 *   reported since both carry one). The caller asks the user.
 *
 * Pure; the limits keep hostile files (100,000 names) fast: work grows with the number of names,
 * not with its square, and at most {@link MAX_LIKELY_PAIRS} likely pairs are reported.
 */

/** Why two names are taken for one town. `same`: equal after normalisation; the others: likely. */
export type TownMatchReason = "same" | "prefix" | "district" | "qualifier" | "spelling" | "oneLetter";

/** A town name and where it comes from (a file, or a cell of one). */
export interface TownEntry {
  readonly name: string;
  readonly source: string;
}

/** Two entries taken for one town; `first` comes earlier in the list given. */
export interface TownPair {
  readonly first: TownEntry & { readonly index: number };
  readonly second: TownEntry & { readonly index: number };
  readonly reason: TownMatchReason;
}

/** The shortest name (in letters, after the administrative words) compared for „one letter apart“. */
export const ONE_LETTER_MIN_LENGTH = 5;
/** Longer names are not compared letter by letter (no town name is this long). */
const ONE_LETTER_MAX_LENGTH = 64;
/** Longer names are compared only for equality (no town name is this long; keeps the patterns linear). */
const LIKELY_MAX_LENGTH = 200;
/** At most this many likely pairs are reported (a hostile list could have millions). */
export const MAX_LIKELY_PAIRS = 200;
/** At most this many candidate pairs are compared letter by letter. */
const MAX_COMPARISONS = 50_000;
/** Above this many different names, „one letter apart“ is not searched (its index would grow too large). */
export const ONE_LETTER_MAX_NAMES = 5_000;

/** Soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
/** Any dash (hyphen, non-breaking hyphen, en/em dash, minus sign …). */
const DASHES = /[\p{Pd}\u2212]/gu;

function normaliseOnce(name: string): string {
  return name
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(DASHES, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/ß/gu, "ss");
}

/**
 * The key for comparing town names (see the module comment). Idempotent.
 * @example normaliseTownName(" Scho\u0308nheide\u00A0") === normaliseTownName("SCHÖNHEIDE") // "schönheide"
 */
export function normaliseTownName(name: string): string {
  let key = normaliseOnce(name);
  if (/^[\x20-\x7e]*$/u.test(key)) return key; // plain ASCII is stable after one round
  // Lower-casing or trimming can leave a string that normalises once more (e.g. a combining mark
  // that now follows a letter); a few rounds reach the fixed point.
  for (let round = 0; round < 4; round++) {
    const next = normaliseOnce(key);
    if (next === key) break;
    key = next;
  }
  return key;
}

/**
 * A name as shown: the spelling as typed, composed (NFC), without invisible characters, white
 * space runs as one space, trimmed. Case and letters stay as the town wrote them.
 * @example displayTownName("Zschorlau\u00A0") // "Zschorlau"
 */
export function displayTownName(name: string): string {
  return name.replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Administrative words in front of a town's name, normalised; longest first. */
const ADMINISTRATIVE_PREFIXES = [
  "grosse kreisstadt",
  "stadtverwaltung",
  "gemeindeverwaltung",
  "marktgemeinde",
  "landgemeinde",
  "kreisstadt",
  "gemeinde",
  "kurort",
  "markt",
  "stadt",
  "gem.",
];
/** Words naming a part of a town: „Ortsteil Bockau“ is not the town Bockau, but likely meant as it. */
const DISTRICT_PREFIXES = ["ortsteil", "stadtteil", "ortschaft", "ot"];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each word with its kind and the pattern of it written after the name („Bockau, Gemeinde“, „Bockau (Stadt)“). */
const NAME_WORDS = [
  ...ADMINISTRATIVE_PREFIXES.map((word) => ({ word, kind: "prefix" as const })),
  ...DISTRICT_PREFIXES.map((word) => ({ word, kind: "district" as const })),
].map(({ word, kind }) => ({
  word,
  kind,
  after: new RegExp(`^(.+?)(?:, ?${escapeRegExp(word)}| \\(${escapeRegExp(word)}\\))$`, "u"),
}));

/** The name without the administrative or district words around it, and which kind was removed. */
function coreOf(key: string): { core: string; removed: "none" | "prefix" | "district" } {
  let core = key;
  let removed: "none" | "prefix" | "district" = "none";
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const { word, kind, after } of NAME_WORDS) {
      const suffix = core.includes(",") || core.includes("(") ? after.exec(core)?.[1] : undefined;
      if (core.startsWith(`${word} `) && core.length > word.length + 1) core = core.slice(word.length + 1).trim();
      else if (suffix !== undefined) core = suffix.trim();
      else continue;
      if (kind === "district") removed = "district";
      else if (removed !== "district") removed = "prefix";
      changed = true;
    }
    if (!changed) break;
  }
  return { core, removed };
}

/** A qualifier after the name: „Bockau (Erzgeb.)“, „Auerbach/Vogtl.“, „Bockau, Erzgebirge“. */
function qualifierBaseOf(core: string): string | undefined {
  const match = /^(.+?)\s?(?:\([^()]*\)|\/.*|,.*)$/u.exec(core);
  const base = match?.[1]?.trim();
  return base === undefined || base === "" ? undefined : base;
}

/** Letters and digits only, umlauts as ae/oe/ue, other marks dropped: „schoenheide“, „auebadschlema“. */
function umlautSkeleton(core: string): string {
  return letterSkeleton(core.replace(/ä/gu, "ae").replace(/ö/gu, "oe").replace(/ü/gu, "ue"));
}

/** Letters and digits only, every mark dropped: „schonheide“. */
function letterSkeleton(core: string): string {
  return core.normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "");
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped at 2. */
export function townNameDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return 2;
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= y.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let best = Math.min((above[j] ?? Infinity) + 1, (row[j - 1] ?? Infinity) + 1, (above[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? Infinity) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return Math.min(2, rows[x.length]?.[y.length] ?? 2);
}

/** What is compared of one distinct name. */
interface Shape {
  readonly index: number;
  readonly key: string;
  readonly core: string;
  readonly removed: "none" | "prefix" | "district";
  readonly qualifierBase: string | undefined;
  readonly umlauts: string;
  readonly letters: string;
}

function shapeOf(index: number, key: string): Shape {
  if (key.length > LIKELY_MAX_LENGTH)
    return { index, key, core: key, removed: "none", qualifierBase: undefined, umlauts: "", letters: "" };
  const { core, removed } = coreOf(key);
  return {
    index,
    key,
    core,
    removed,
    qualifierBase: qualifierBaseOf(core),
    umlauts: umlautSkeleton(core),
    letters: letterSkeleton(core),
  };
}

/** Why two different keys are likely one town, most telling reason first; undefined when they are not. */
function likelyReason(a: Shape, b: Shape): Exclude<TownMatchReason, "same"> | undefined {
  if (a.core === b.core && a.core !== "")
    return a.removed === "district" || b.removed === "district" ? "district" : "prefix";
  if (a.qualifierBase !== undefined && b.qualifierBase === undefined && a.qualifierBase === b.core) return "qualifier";
  if (b.qualifierBase !== undefined && a.qualifierBase === undefined && b.qualifierBase === a.core) return "qualifier";
  if ((a.umlauts !== "" && a.umlauts === b.umlauts) || (a.letters !== "" && a.letters === b.letters)) return "spelling";
  const length = Math.min(Array.from(a.core).length, Array.from(b.core).length);
  if (length >= ONE_LETTER_MIN_LENGTH && townNameDistance(a.core, b.core) === 1) return "oneLetter";
  return undefined;
}

/** The strings one letter apart from `core` share one of these with it: itself and each one-letter deletion. */
function deletionVariants(core: string): string[] {
  const letters = Array.from(core);
  if (letters.length < ONE_LETTER_MIN_LENGTH || letters.length > ONE_LETTER_MAX_LENGTH) return [];
  const variants = new Set<string>([core]);
  letters.forEach((_, i) => variants.add([...letters.slice(0, i), ...letters.slice(i + 1)].join("")));
  return [...variants];
}

/**
 * Every pair of entries taken for one town: entries with the same {@link normaliseTownName} key
 * (reason `same`; each later entry paired with the first of its key), and pairs of different keys
 * that are likely the same town (the first entry of each key; reasons `prefix`, `district`,
 * `qualifier`, `spelling`, `oneLetter`; at most {@link MAX_LIKELY_PAIRS}). Blank names are skipped.
 * Pairs are ordered by the first entry's index, then the second's.
 *
 * @example findLikelyDuplicateTowns([{ name: "Bockau", source: "a.xlsx" }, { name: "Gemeinde Bockau", source: "b.xlsx" }])
 *   // → [{ first: { name: "Bockau", source: "a.xlsx", index: 0 }, second: { …, index: 1 }, reason: "prefix" }]
 */
export function findLikelyDuplicateTowns(entries: readonly TownEntry[]): TownPair[] {
  const pairs: TownPair[] = [];
  const pairOf = (a: number, b: number, reason: TownMatchReason): TownPair => {
    const [i, j] = a < b ? [a, b] : [b, a];
    const first = entries[i] as TownEntry;
    const second = entries[j] as TownEntry;
    return { first: { ...first, index: i }, second: { ...second, index: j }, reason };
  };

  const firstOfKey = new Map<string, number>();
  const shapes: Shape[] = [];
  entries.forEach((entry, index) => {
    const key = normaliseTownName(entry.name);
    if (key === "") return;
    const first = firstOfKey.get(key);
    if (first !== undefined) pairs.push(pairOf(first, index, "same"));
    else {
      firstOfKey.set(key, index);
      shapes.push(shapeOf(index, key));
    }
  });

  // Candidates share a bucket: the core, the core before a qualifier, a skeleton, or a deletion variant.
  const buckets = new Map<string, Shape[]>();
  const add = (bucket: string, shape: Shape): void => {
    const list = buckets.get(bucket);
    if (list) list.push(shape);
    else buckets.set(bucket, [shape]);
  };
  for (const shape of shapes) {
    if (shape.core === "" || shape.key.length > LIKELY_MAX_LENGTH) continue;
    add(`c\u0000${shape.core}`, shape);
    if (shape.qualifierBase !== undefined) add(`c\u0000${shape.qualifierBase}`, shape);
    if (shape.umlauts !== "") add(`u\u0000${shape.umlauts}`, shape);
    if (shape.letters !== "") add(`l\u0000${shape.letters}`, shape);
    if (shapes.length <= ONE_LETTER_MAX_NAMES)
      for (const variant of deletionVariants(shape.core)) add(`d\u0000${variant}`, shape);
  }

  const likely: TownPair[] = [];
  const seen = new Set<string>();
  let comparisons = 0;
  search: for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i] as Shape;
        const b = bucket[j] as Shape;
        const id = a.index < b.index ? `${a.index}|${b.index}` : `${b.index}|${a.index}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (++comparisons > MAX_COMPARISONS) break search;
        const reason = likelyReason(a, b);
        if (reason === undefined) continue;
        likely.push(pairOf(a.index, b.index, reason));
        if (likely.length >= MAX_LIKELY_PAIRS) break search;
      }
    }
  }
  return [...pairs, ...likely].sort((p, q) => p.first.index - q.first.index || p.second.index - q.second.index);
}
