import type { PriorityClass } from "../scoring/scoreTasks.js";

/** One scored task of one town, as the roadmap needs it. */
export interface RoadmapTask {
  readonly code: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly class: PriorityClass;
  /** Own specialisation rating 0–3 (null when not rated). */
  readonly specialisation: number | null;
  /** Need for action rating 0–3 (null when not rated). */
  readonly needForAction: number | null;
}

export interface RoadmapTown {
  readonly town: string;
  readonly tasks: readonly RoadmapTask[];
}

/** One town's view of a shared task. */
export interface RoadmapParticipant {
  readonly town: string;
  readonly score: number;
  readonly rank: number;
  readonly class: PriorityClass;
}

/** One town strong in a task (specialisation 3) where another needs action (≥ 2). */
export interface Synergy {
  readonly strongTown: string;
  readonly needingTown: string;
}

export interface RoadmapEntry {
  readonly code: string;
  readonly name: string;
  readonly townCount: number;
  readonly meanScore: number;
  readonly classACount: number;
  readonly participants: readonly RoadmapParticipant[];
  readonly synergies: readonly Synergy[];
}

export interface Roadmap {
  readonly towns: readonly string[];
  readonly entries: readonly RoadmapEntry[];
}

/** Rating from which a town counts as specialised, and from which another needs action. */
export const SYNERGY_SPECIALISATION = 3;
export const SYNERGY_NEED_FOR_ACTION = 2;

/**
 * The joint IKZ roadmap: every product present in at least two towns, with the number of
 * towns, their mean score and how many rate it class A, plus synergies (one town rates its
 * specialisation 3, another its need for action ≥ 2). Ordered by class-A count (desc), mean
 * score (desc), code (asc). A code a town lists twice counts once (its first row).
 */
export function buildRoadmap(towns: readonly RoadmapTown[]): Roadmap {
  const byCode = new Map<string, { name: string; items: { town: string; task: RoadmapTask }[] }>();
  for (const town of towns) {
    const seen = new Set<string>();
    for (const task of town.tasks) {
      if (seen.has(task.code)) continue;
      seen.add(task.code);
      const group = byCode.get(task.code) ?? { name: task.name, items: [] };
      group.items.push({ town: town.town, task });
      byCode.set(task.code, group);
    }
  }
  const entries: RoadmapEntry[] = [];
  for (const [code, group] of byCode) {
    if (group.items.length < 2) continue;
    let sum = 0;
    for (const item of group.items) sum += item.task.score;
    const synergies: Synergy[] = [];
    for (const strong of group.items) {
      if (strong.task.specialisation !== SYNERGY_SPECIALISATION) continue;
      for (const needing of group.items) {
        if (needing.town === strong.town) continue;
        if ((needing.task.needForAction ?? 0) >= SYNERGY_NEED_FOR_ACTION) {
          synergies.push({ strongTown: strong.town, needingTown: needing.town });
        }
      }
    }
    entries.push({
      code,
      name: group.name,
      townCount: group.items.length,
      meanScore: sum / group.items.length,
      classACount: group.items.filter((item) => item.task.class === "A").length,
      participants: group.items.map(({ town, task }) => ({ town, score: task.score, rank: task.rank, class: task.class })),
      synergies,
    });
  }
  entries.sort(
    (a, b) =>
      b.classACount - a.classACount || b.meanScore - a.meanScore || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { towns: towns.map((t) => t.town), entries };
}
