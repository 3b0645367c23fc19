/**
 * Illustrative figures for the demo partnership (the four towns of `DEMO_TOWNS`): each town's
 * statuses, drawn from a generator seeded by its name so that towns differ and every run is the
 * same, and its workplaces per role. Every figure is invented for demonstration.
 */
import { splitByLargestRemainder } from "../../lib/allocation/largestRemainder.js";
import { seededRandom } from "../../lib/numbers/seededRandom.js";
import type { RequirementStatus } from "../../lib/workplace/model.js";
import { DEMO_COST_MODEL } from "../kostenverteilung/plan.js";
import { ROLES, type RoleKey } from "./reference.js";

/** The demo partnership's name on „Angaben“. */
export const DEMO_PARTNERSHIP = "Verbund Westerzgebirge (Beispiel)";

/** Share of each role in a small town hall's workplaces, in percent (order of `ROLES`). */
const ROLE_SHARES: Readonly<Record<RoleKey, number>> = {
  clerk: 58,
  manager: 14,
  fieldService: 12,
  citizenService: 12,
  itSupport: 4,
};

/** Share of requirements a demo town leaves without a status. */
const NOT_ASSESSED_SHARE = 0.05;

/**
 * Invented statuses of one town for `count` requirements: a maturity between 0.35 and 0.8 drawn
 * for the town decides how many are fulfilled; the rest are partly or not fulfilled, a few are
 * left blank (not assessed).
 */
export function demoStatuses(town: string, count: number): (RequirementStatus | null)[] {
  const random = seededRandom(`ikz-demo-workplace:${town}`);
  const maturity = 0.35 + random() * 0.45;
  return Array.from({ length: count }, () => {
    const x = random();
    if (x < NOT_ASSESSED_SHARE) return null;
    const y = (x - NOT_ASSESSED_SHARE) / (1 - NOT_ASSESSED_SHARE);
    if (y < maturity) return "fulfilled";
    return y < maturity + (1 - maturity) / 2 ? "partly" : "notFulfilled";
  });
}

/**
 * Invented workplaces per role of a town: the demo cost model's workplaces for its towns (so both
 * demos agree), otherwise a total between 10 and 45 drawn for the name; split by typical role
 * shares with the largest-remainder method, so the roles add up to the total.
 */
export function demoWorkplaces(town: string): Record<RoleKey, number> {
  const known = DEMO_COST_MODEL.towns.find((t) => t.name === town)?.workplaces;
  const total = typeof known === "number" ? known : 10 + Math.floor(seededRandom(`ikz-demo-workplaces:${town}`)() * 36);
  const counts = splitByLargestRemainder(
    total,
    ROLES.map((role) => ROLE_SHARES[role.key]),
  );
  return Object.fromEntries(ROLES.map((role, index) => [role.key, counts[index] ?? 0])) as Record<RoleKey, number>;
}
