import { normalizeTownName } from "../allocation/validateCostModel.js";
import { computeFulfilment, gapFlag, type TownFulfilment } from "./computeFulfilment.js";
import {
  DIMENSION_KEYS,
  trimLikeSpreadsheet,
  type DimensionKey,
  type Obligation,
  type RequirementStatus,
  type WorkplaceRequirement,
} from "./model.js";

/** A requirement as one town's own copy has it, with that town's status. */
export interface AssessedRequirement extends Omit<WorkplaceRequirement, "statuses"> {
  readonly status: RequirementStatus | null;
}

/** One town's profile, as read from its own copy (or from its column of a group workbook). */
export interface TownAssessment {
  readonly town: string;
  /** Where it was read from (file name), for the result's list of sources. */
  readonly source: string;
  readonly requirements: readonly AssessedRequirement[];
  /** Workplaces per role key (blank counts as 0); `null` when the town entered no counts at all. */
  readonly workplaces: Readonly<Record<string, number>> | null;
}

export interface ComparedTown {
  readonly town: string;
  readonly source: string;
  readonly requirementCount: number;
  /** Computed on the town's own requirements, as its own sheet computes it. */
  readonly fulfilment: TownFulfilment;
  /** All workplaces of the town; `null` when it entered no counts. */
  readonly workplaces: number | null;
}

/** A town's status of a merged requirement; `absent` when its profile lacks the requirement. */
export type MergedStatus = RequirementStatus | "notAssessed" | "absent";

/** A requirement of the merged profile (the definition of the first town that has it). */
export interface MergedRequirement {
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: string;
  readonly obligation: Obligation;
  readonly rolesText: string;
  /** Per town, in the order of {@link ProfileComparison.towns}. */
  readonly statuses: readonly MergedStatus[];
}

/** A Muss requirement not or only partly fulfilled in several towns: a joint procurement candidate. */
export interface CommonGap {
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: string;
  readonly rolesText: string;
  /** The towns with the gap, in the order of {@link ProfileComparison.towns}. */
  readonly towns: readonly string[];
  /**
   * Workplaces concerned: per gap town, its workplaces of the requirement's roles (all roles when
   * it names none), summed; `null` when a gap town entered no workplace counts.
   */
  readonly workplaces: number | null;
}

/** A requirement id whose definition differs between towns' copies. */
export interface DefinitionDifference {
  readonly id: string;
  readonly field: "dimension" | "obligation" | "text";
  readonly values: readonly { readonly town: string; readonly value: string }[];
}

export interface ProfileComparison {
  readonly towns: readonly ComparedTown[];
  readonly requirements: readonly MergedRequirement[];
  /** Ordered by number of towns (desc), then dimension, then first appearance. */
  readonly commonGaps: readonly CommonGap[];
  readonly differences: readonly DefinitionDifference[];
  /** Towns met again in a later source, left out: the first source counts. */
  readonly repeatedTowns: readonly { readonly town: string; readonly source: string; readonly firstSource: string }[];
}

/** Number of towns from which a shared Muss gap is a joint procurement candidate. */
export const COMMON_GAP_MIN_TOWNS = 2;

/** How ids are matched across towns: trimmed, inner spaces collapsed, case ignored. */
export function requirementKey(id: string): string {
  return id.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

function workplacesOf(town: TownAssessment, requirement: Pick<AssessedRequirement, "roles">): number | null {
  if (town.workplaces === null) return null;
  const counts = town.workplaces;
  const roles = requirement.roles ?? Object.keys(counts);
  return roles.reduce((sum, role) => sum + (counts[role] ?? 0), 0);
}

/**
 * Compares the profiles of several towns (each town's own copy): every town's fulfilment as its
 * sheet computes it, the requirements merged by id (trimmed, case ignored; the first town's
 * definition counts, differing definitions are listed), and the Muss requirements not or only
 * partly fulfilled in at least {@link COMMON_GAP_MIN_TOWNS} towns — candidates for a joint
 * procurement — with the workplaces they concern. A town met twice counts once (its first source).
 */
export function compareProfiles(assessments: readonly TownAssessment[]): ProfileComparison {
  const repeatedTowns: { town: string; source: string; firstSource: string }[] = [];
  const seenTowns = new Map<string, TownAssessment>();
  const towns: TownAssessment[] = [];
  for (const assessment of assessments) {
    const key = normalizeTownName(assessment.town);
    const first = seenTowns.get(key);
    if (first) {
      repeatedTowns.push({ town: assessment.town, source: assessment.source, firstSource: first.source });
      continue;
    }
    seenTowns.set(key, assessment);
    towns.push(assessment);
  }

  const byTown = towns.map((town) => {
    const own = new Map<string, AssessedRequirement>();
    for (const requirement of town.requirements) {
      const key = requirementKey(requirement.id);
      if (!own.has(key)) own.set(key, requirement);
    }
    return own;
  });

  const compared: ComparedTown[] = towns.map((town, index) => {
    const requirements = [...(byTown[index]?.values() ?? [])];
    const [fulfilment] = computeFulfilment({
      towns: [town.town],
      requirements: requirements.map((r) => ({ ...r, statuses: [r.status] })),
    });
    if (!fulfilment) throw new Error("computeFulfilment returned no town");
    const workplaces =
      town.workplaces === null ? null : Object.values(town.workplaces).reduce((sum, count) => sum + count, 0);
    return { town: town.town, source: town.source, requirementCount: requirements.length, fulfilment, workplaces };
  });

  const order: string[] = [];
  const definitions = new Map<string, AssessedRequirement>();
  byTown.forEach((own) => {
    for (const [key, requirement] of own) {
      if (definitions.has(key)) continue;
      definitions.set(key, requirement);
      order.push(key);
    }
  });

  const requirements: MergedRequirement[] = [];
  const commonGaps: (CommonGap & { readonly position: number })[] = [];
  const differences: DefinitionDifference[] = [];
  order.forEach((key, position) => {
    const definition = definitions.get(key);
    if (!definition) return;
    const statuses: MergedStatus[] = byTown.map((own) => {
      const requirement = own.get(key);
      return requirement === undefined ? "absent" : (requirement.status ?? "notAssessed");
    });
    requirements.push({
      id: definition.id,
      dimension: definition.dimension,
      text: definition.text,
      obligation: definition.obligation,
      rolesText: definition.rolesText,
      statuses,
    });

    const gapTowns: number[] = [];
    byTown.forEach((own, index) => {
      const requirement = own.get(key);
      if (requirement && gapFlag(requirement, requirement.status) === "gap") gapTowns.push(index);
    });
    if (gapTowns.length >= COMMON_GAP_MIN_TOWNS) {
      let workplaces: number | null = 0;
      for (const index of gapTowns) {
        const town = towns[index];
        const requirement = byTown[index]?.get(key);
        const count = town && requirement ? workplacesOf(town, requirement) : null;
        workplaces = count === null || workplaces === null ? null : workplaces + count;
      }
      commonGaps.push({
        id: definition.id,
        dimension: definition.dimension,
        text: definition.text,
        rolesText: definition.rolesText,
        towns: gapTowns.map((index) => towns[index]?.town ?? ""),
        workplaces,
        position,
      });
    }

    const fields = [
      ["dimension", (r: AssessedRequirement) => r.dimension],
      ["obligation", (r: AssessedRequirement) => r.obligation],
      ["text", (r: AssessedRequirement) => trimLikeSpreadsheet(r.text)],
    ] as const;
    for (const [field, valueOf] of fields) {
      const values = byTown.flatMap((own, index) => {
        const requirement = own.get(key);
        return requirement ? [{ town: towns[index]?.town ?? "", value: valueOf(requirement) }] : [];
      });
      if (new Set(values.map((v) => v.value)).size > 1) differences.push({ id: definition.id, field, values });
    }
  });

  commonGaps.sort(
    (a, b) =>
      b.towns.length - a.towns.length ||
      DIMENSION_KEYS.indexOf(a.dimension) - DIMENSION_KEYS.indexOf(b.dimension) ||
      a.position - b.position,
  );
  return {
    towns: compared,
    requirements,
    commonGaps: commonGaps.map(({ position: _position, ...gap }) => gap),
    differences,
    repeatedTowns,
  };
}
