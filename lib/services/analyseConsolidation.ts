import { SERVICE_CATEGORIES, type AssessedService, type ContractWindow, type ServiceCategory } from "./model.js";

/** One town's assessed services, as the cross-town analysis takes them. */
export interface TownServices {
  readonly town: string;
  readonly services: readonly AssessedService[];
}

export interface ConsolidationOptions {
  /** The name of a product code (e.g. from the product framework), for the result's readers. */
  readonly productName?: (code: string) => string | undefined;
}

/** Where a service comes from: town and id, with its name and software as typed. */
export interface ServiceReference {
  readonly town: string;
  readonly serviceId: string;
  readonly name: string;
  readonly software: string;
}

/** One software product among the variants serving a product code. */
export interface SoftwareVariant {
  /** The spelling most services use (ties: the first in sort order). */
  readonly software: string;
  readonly towns: readonly string[];
  readonly services: readonly ServiceReference[];
}

/**
 * A harmonisation candidate: one product code and category served by different software in
 * different towns — the group could agree on one product.
 */
export interface HarmonisationCandidate {
  readonly code: string;
  readonly productName: string | null;
  readonly category: ServiceCategory;
  readonly towns: readonly string[];
  /** By number of towns (desc), then name. */
  readonly variants: readonly SoftwareVariant[];
}

export interface ContractDetail extends ServiceReference {
  readonly vendor: string | null;
  readonly users: number | null;
  readonly annualCost: number | null;
  /** `YYYY-MM-DD`, or null without a contract end. */
  readonly contractEnd: string | null;
  readonly monthsToEnd: number | null;
  readonly window: ContractWindow | null;
}

/** A joint contract or procurement candidate: the same software in several towns. */
export interface JointContractCandidate {
  readonly software: string;
  /** The normalised name the services were grouped by. */
  readonly key: string;
  readonly vendors: readonly string[];
  readonly towns: readonly string[];
  readonly services: readonly ContractDetail[];
  readonly totalUsers: number;
  /** Sum of the annual costs in € (summed in cents). */
  readonly totalAnnualCost: number;
  readonly earliestContractEnd: string | null;
  /** Services whose window is open (fewer full months to the contract end than the window). */
  readonly contractsInWindow: number;
}

/** A contract that ends within its town's window: a moment to change without a penalty. */
export interface WindowEntry extends ServiceReference {
  readonly category: ServiceCategory | null;
  readonly productCodes: readonly string[];
  readonly contractEnd: string;
  readonly monthsToEnd: number;
  readonly annualCost: number | null;
  readonly score: number;
}

/** Windows of several towns for the same product code and category: a joint tender in reach. */
export interface WindowGroup {
  readonly code: string;
  readonly productName: string | null;
  readonly category: ServiceCategory;
  readonly towns: readonly string[];
  readonly entries: readonly WindowEntry[];
  readonly earliestContractEnd: string;
  readonly latestContractEnd: string;
}

/** Two or more services of one town in the same category for the same product code. */
export interface Redundancy {
  readonly town: string;
  readonly category: ServiceCategory;
  readonly code: string;
  readonly productName: string | null;
  readonly services: readonly ServiceReference[];
  readonly totalAnnualCost: number;
}

export interface ConsolidationAnalysis {
  /** The towns analysed, sorted. */
  readonly towns: readonly string[];
  readonly harmonisation: readonly HarmonisationCandidate[];
  readonly jointContracts: readonly JointContractCandidate[];
  /** Every open window, by town, contract end, service id. */
  readonly windows: readonly WindowEntry[];
  readonly windowGroups: readonly WindowGroup[];
  readonly redundancies: readonly Redundancy[];
}

const COLLATOR = new Intl.Collator("de", { numeric: true });

/** German collation (numbers by value), then code points, so the order is total and stable. */
export function compareText(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** How software names are compared: trimmed, inner white space collapsed, case ignored. */
export function normaliseSoftwareName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** `YYYY-MM-DD` of a calendar day read as UTC. */
export function isoDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

const categoryOrder = (category: ServiceCategory): number => SERVICE_CATEGORIES.indexOf(category);

const toCents = (euros: number): number => Math.round(euros * 100);

const sortedUnique = (texts: Iterable<string>): string[] => [...new Set(texts)].sort(compareText);

/**
 * The spelling most often used (trimmed, inner white space collapsed); ties go to the first in
 * code-point order, which puts capitals first („Finanz A“ before „finanz a“).
 */
function commonSpelling(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) {
    const tidy = s.trim().replace(/\s+/g, " ");
    counts.set(tidy, (counts.get(tidy) ?? 0) + 1);
  }
  let best = "";
  let bestCount = 0;
  for (const [spelling, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Names that differ only in spacing or case count once, in their most common spelling; sorted. */
function distinctSpellings(names: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = normaliseSoftwareName(name);
    if (key !== "") groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups.values()].map(commonSpelling).sort(compareText);
}

interface Located {
  readonly town: string;
  readonly service: AssessedService;
}

const reference = ({ town, service }: Located): ServiceReference => ({
  town,
  serviceId: service.id,
  name: service.name,
  software: service.software,
});

const byTownAndId = (a: Located, b: Located): number =>
  compareText(a.town, b.town) || compareText(a.service.id, b.service.id) || compareText(a.service.name, b.service.name);

/**
 * The group's consolidation candidates from every town's service catalogue:
 * - harmonisation: a product code (in one category) served by different software in different
 *   towns; ordered by number of towns (desc), number of software variants (desc), code, category;
 * - joint contracts: the same software (names compared trimmed and without case) in at least two
 *   towns; ordered by number of towns (desc), total annual cost (desc), name;
 * - windows: contracts ending within their town's window (fewer full months than the window,
 *   not yet ended), per town by contract end; grouped where at least two towns have a window for
 *   the same product code and category (by number of towns desc, earliest end, code);
 * - redundancies: two or more services of one town in the same category for the same product
 *   code (by town, category, code).
 * Services without an id or software are left out. The result does not depend on the order of
 * towns or services given, and is plain data (dates as `YYYY-MM-DD`).
 */
export function analyseConsolidation(
  towns: readonly TownServices[],
  options: ConsolidationOptions = {},
): ConsolidationAnalysis {
  const productName = (code: string): string | null => options.productName?.(code) ?? null;
  const located: Located[] = towns
    .flatMap((t) => t.services.map((service) => ({ town: t.town, service })))
    .filter(({ service }) => service.id !== "" && service.software.trim() !== "")
    .sort(byTownAndId);

  // --- grouped by product code and category ------------------------------------------------
  const byCode = new Map<string, { code: string; category: ServiceCategory; items: Located[] }>();
  for (const item of located) {
    const category = item.service.category;
    if (category === null) continue;
    for (const code of item.service.productCodes) {
      const key = `${code}\u0000${category}`;
      const group = byCode.get(key) ?? { code, category, items: [] };
      group.items.push(item);
      byCode.set(key, group);
    }
  }
  const codeGroups = [...byCode.values()].sort(
    (a, b) => compareText(a.code, b.code) || categoryOrder(a.category) - categoryOrder(b.category),
  );

  const harmonisation: HarmonisationCandidate[] = [];
  const redundancies: Redundancy[] = [];
  const windowGroups: WindowGroup[] = [];
  for (const group of codeGroups) {
    const groupTowns = sortedUnique(group.items.map((i) => i.town));
    const bySoftware = new Map<string, Located[]>();
    for (const item of group.items) {
      const key = normaliseSoftwareName(item.service.software);
      bySoftware.set(key, [...(bySoftware.get(key) ?? []), item]);
    }
    if (groupTowns.length >= 2 && bySoftware.size >= 2) {
      const variants = [...bySoftware.values()]
        .map((items) => ({
          software: commonSpelling(items.map((i) => i.service.software)),
          towns: sortedUnique(items.map((i) => i.town)),
          services: items.map(reference),
        }))
        .sort((a, b) => b.towns.length - a.towns.length || compareText(a.software, b.software));
      harmonisation.push({
        code: group.code,
        productName: productName(group.code),
        category: group.category,
        towns: groupTowns,
        variants,
      });
    }
    for (const town of groupTowns) {
      const own = group.items.filter((i) => i.town === town);
      if (own.length < 2) continue;
      redundancies.push({
        town,
        category: group.category,
        code: group.code,
        productName: productName(group.code),
        services: own.map(reference),
        totalAnnualCost: own.reduce((sum, i) => sum + toCents(i.service.annualCost ?? 0), 0) / 100,
      });
    }
    const open = group.items.filter((i) => i.service.window === "open");
    const openTowns = sortedUnique(open.map((i) => i.town));
    if (openTowns.length >= 2) {
      const entries = open.map(windowEntry).sort(byWindowOrder);
      const ends = entries.map((e) => e.contractEnd).sort();
      windowGroups.push({
        code: group.code,
        productName: productName(group.code),
        category: group.category,
        towns: openTowns,
        entries,
        earliestContractEnd: ends[0] ?? "",
        latestContractEnd: ends[ends.length - 1] ?? "",
      });
    }
  }
  harmonisation.sort(
    (a, b) =>
      b.towns.length - a.towns.length ||
      b.variants.length - a.variants.length ||
      compareText(a.code, b.code) ||
      categoryOrder(a.category) - categoryOrder(b.category),
  );
  redundancies.sort(
    (a, b) =>
      compareText(a.town, b.town) ||
      categoryOrder(a.category) - categoryOrder(b.category) ||
      compareText(a.code, b.code),
  );
  windowGroups.sort(
    (a, b) =>
      b.towns.length - a.towns.length ||
      (a.earliestContractEnd < b.earliestContractEnd ? -1 : a.earliestContractEnd > b.earliestContractEnd ? 1 : 0) ||
      compareText(a.code, b.code) ||
      categoryOrder(a.category) - categoryOrder(b.category),
  );

  // --- the same software in several towns ----------------------------------------------------
  const bySoftware = new Map<string, Located[]>();
  for (const item of located) {
    const key = normaliseSoftwareName(item.service.software);
    bySoftware.set(key, [...(bySoftware.get(key) ?? []), item]);
  }
  const jointContracts: JointContractCandidate[] = [];
  for (const [key, items] of bySoftware) {
    const softwareTowns = sortedUnique(items.map((i) => i.town));
    if (softwareTowns.length < 2) continue;
    const ends = items.flatMap((i) => (i.service.contractEnd === null ? [] : [isoDay(i.service.contractEnd)])).sort();
    jointContracts.push({
      software: commonSpelling(items.map((i) => i.service.software)),
      key,
      vendors: distinctSpellings(items.flatMap((i) => (i.service.vendor === null ? [] : [i.service.vendor]))),
      towns: softwareTowns,
      services: items.map((item) => ({
        ...reference(item),
        vendor: item.service.vendor,
        users: item.service.users,
        annualCost: item.service.annualCost,
        contractEnd: item.service.contractEnd === null ? null : isoDay(item.service.contractEnd),
        monthsToEnd: item.service.monthsToEnd,
        window: item.service.window,
      })),
      totalUsers: items.reduce((sum, i) => sum + (i.service.users ?? 0), 0),
      totalAnnualCost: items.reduce((sum, i) => sum + toCents(i.service.annualCost ?? 0), 0) / 100,
      earliestContractEnd: ends[0] ?? null,
      contractsInWindow: items.filter((i) => i.service.window === "open").length,
    });
  }
  jointContracts.sort(
    (a, b) => b.towns.length - a.towns.length || b.totalAnnualCost - a.totalAnnualCost || compareText(a.key, b.key),
  );

  const windows = located
    .filter((i) => i.service.window === "open")
    .map(windowEntry)
    .sort((a, b) => compareText(a.town, b.town) || byWindowOrder(a, b));

  return {
    towns: sortedUnique(towns.map((t) => t.town)),
    harmonisation,
    jointContracts,
    windows,
    windowGroups,
    redundancies,
  };
}

function windowEntry({ town, service }: Located): WindowEntry {
  return {
    ...reference({ town, service }),
    category: service.category,
    productCodes: service.productCodes,
    contractEnd: service.contractEnd === null ? "" : isoDay(service.contractEnd),
    monthsToEnd: service.monthsToEnd ?? 0,
    annualCost: service.annualCost,
    score: service.score,
  };
}

function byWindowOrder(a: WindowEntry, b: WindowEntry): number {
  return (
    (a.contractEnd < b.contractEnd ? -1 : a.contractEnd > b.contractEnd ? 1 : 0) ||
    compareText(a.town, b.town) ||
    compareText(a.serviceId, b.serviceId) ||
    compareText(a.name, b.name)
  );
}
