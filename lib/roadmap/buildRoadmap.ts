import type { MeasureRef } from "../pestel/model.js";
import type { PriorityClass } from "../scoring/scoreTasks.js";
import type { LocalizedText } from "../spec/TemplateSpec.js";
import { suggestMeasure, type CooperationForm } from "./suggestMeasure.js";

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
  /** Staff on the task in full-time equivalents (null or absent when not given). */
  readonly fte?: number | null;
  /** Cases per year (null or absent when not given). */
  readonly casesPerYear?: number | null;
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
  readonly specialisation: number | null;
  readonly needForAction: number | null;
  readonly fte: number | null;
  readonly casesPerYear: number | null;
}

/** One town strong in a task (specialisation 3) where another needs action (≥ 2). */
export interface Synergy {
  readonly strongTown: string;
  readonly needingTown: string;
  /** The strong town's specialisation (always {@link SYNERGY_SPECIALISATION}). */
  readonly specialisation: number;
  /** The needing town's need for action (≥ {@link SYNERGY_NEED_FOR_ACTION}). */
  readonly needForAction: number;
}

/** Which criterion of the lead rule picked the lead town (the first that was not a tie). */
export type LeadCriterion = "specialisation" | "fte" | "cases" | "name";

/** The town suggested to lead a shared task, and why. */
export interface RoadmapLead {
  readonly town: string;
  readonly decidedBy: LeadCriterion;
  readonly specialisation: number | null;
  readonly fte: number | null;
  readonly casesPerYear: number | null;
}

/** The guideline's measure suggested for a shared task, and the form of cooperation. */
export interface RoadmapMeasure {
  /** Measure id of the catalogue, e.g. `1.2`. */
  readonly id: string;
  /** Its title, when the catalogue was given to {@link buildRoadmap}. */
  readonly title?: LocalizedText;
  readonly form: CooperationForm;
}

export interface RoadmapEntry {
  readonly code: string;
  readonly name: string;
  readonly townCount: number;
  readonly meanScore: number;
  readonly classACount: number;
  readonly participants: readonly RoadmapParticipant[];
  readonly synergies: readonly Synergy[];
  /** The town suggested to lead (see {@link chooseLead}). */
  readonly lead: RoadmapLead;
  /** The other towns that have the task, in the order of the towns. */
  readonly partners: readonly string[];
  readonly measure: RoadmapMeasure;
}

export interface Roadmap {
  readonly towns: readonly string[];
  readonly entries: readonly RoadmapEntry[];
}

/** Rating from which a town counts as specialised, and from which another needs action. */
export const SYNERGY_SPECIALISATION = 3;
export const SYNERGY_NEED_FOR_ACTION = 2;

/** A missing figure ranks below every given one (a rating of 0 beats „not rated“). */
const orMinus = (value: number | null | undefined): number => value ?? -1;

/**
 * The lead town among a shared task's participants: highest specialisation; in a tie the most
 * FTE, then the most cases per year, then the name first in German alphabetical order. Missing
 * figures rank below 0. `decidedBy` names the first criterion that was not a tie.
 *
 * @example chooseLead([{ town: "Bockau", specialisation: 3, … }, { town: "Aue", specialisation: 2, … }])
 *   // { town: "Bockau", decidedBy: "specialisation", … }
 */
export function chooseLead(participants: readonly RoadmapParticipant[]): RoadmapLead {
  const first = participants[0];
  if (first === undefined) throw new RangeError("a shared task has at least one town");
  const criteria: { key: LeadCriterion; value: (p: RoadmapParticipant) => number }[] = [
    { key: "specialisation", value: (p) => orMinus(p.specialisation) },
    { key: "fte", value: (p) => orMinus(p.fte) },
    { key: "cases", value: (p) => orMinus(p.casesPerYear) },
  ];
  let candidates = [...participants];
  for (const criterion of criteria) {
    const best = Math.max(...candidates.map(criterion.value));
    const leaders = candidates.filter((p) => criterion.value(p) === best);
    if (leaders.length === 1) return leadOf(leaders[0] ?? first, criterion.key);
    candidates = leaders;
  }
  const byName = [...candidates].sort(
    (a, b) => a.town.localeCompare(b.town, "de") || (a.town < b.town ? -1 : a.town > b.town ? 1 : 0),
  );
  return leadOf(byName[0] ?? first, "name");
}

function leadOf(participant: RoadmapParticipant, decidedBy: LeadCriterion): RoadmapLead {
  return {
    town: participant.town,
    decidedBy,
    specialisation: participant.specialisation,
    fte: participant.fte,
    casesPerYear: participant.casesPerYear,
  };
}

/**
 * The joint IKZ roadmap: every product present in at least two towns, with the number of
 * towns, their mean score and how many rate it class A, plus synergies (one town rates its
 * specialisation 3, another its need for action ≥ 2), the suggested lead town and partners,
 * and a measure of the guideline (titles from `measures`, the catalogue 0 … 4.4). Ordered by
 * class-A count (desc), mean score (desc), code (asc). A code a town lists twice counts once
 * (its first row).
 */
export function buildRoadmap(towns: readonly RoadmapTown[], measures: readonly MeasureRef[] = []): Roadmap {
  const measureTitles = new Map(measures.map((m) => [m.id, m.title]));
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
        const need = needing.task.needForAction ?? 0;
        if (need >= SYNERGY_NEED_FOR_ACTION) {
          synergies.push({
            strongTown: strong.town,
            needingTown: needing.town,
            specialisation: SYNERGY_SPECIALISATION,
            needForAction: need,
          });
        }
      }
    }
    const participants: RoadmapParticipant[] = group.items.map(({ town, task }) => ({
      town,
      score: task.score,
      rank: task.rank,
      class: task.class,
      specialisation: task.specialisation,
      needForAction: task.needForAction,
      fte: task.fte ?? null,
      casesPerYear: task.casesPerYear ?? null,
    }));
    const lead = chooseLead(participants);
    const suggestion = suggestMeasure(code);
    const title = measureTitles.get(suggestion.measure);
    entries.push({
      code,
      name: group.name,
      townCount: group.items.length,
      meanScore: sum / group.items.length,
      classACount: group.items.filter((item) => item.task.class === "A").length,
      participants,
      synergies,
      lead,
      partners: participants.filter((p) => p.town !== lead.town).map((p) => p.town),
      measure: { id: suggestion.measure, ...(title === undefined ? {} : { title }), form: suggestion.form },
    });
  }
  entries.sort(
    (a, b) =>
      b.classACount - a.classACount || b.meanScore - a.meanScore || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return { towns: towns.map((t) => t.town), entries };
}
