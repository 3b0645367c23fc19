import { contractWindow, monthsBetween } from "./contractWindow.js";
import { costPerUser } from "./costPerUser.js";
import type { AssessedService, CatalogueService, CatalogueSettings } from "./model.js";
import { priorityScore } from "./priorityScore.js";

/** The largest annual cost among the services (the sheet's `MAX` over the column); 0 when none. */
export function maxAnnualCost(services: readonly Pick<CatalogueService, "annualCost">[]): number {
  let max = 0;
  for (const service of services) if (service.annualCost !== null && service.annualCost > max) max = service.annualCost;
  return max;
}

/**
 * The figures the sheet computes for each service of one town: cost per user, months to the
 * contract end, the window flag and the priority score — in the same order of operations as the
 * sheet's formulas. Services keep their order and any extra fields.
 */
export function assessServices<S extends CatalogueService>(
  services: readonly S[],
  settings: CatalogueSettings,
): (S & AssessedService)[] {
  const max = maxAnnualCost(services);
  const reference = settings.referenceDate;
  return services.map((service) => {
    const monthsToEnd =
      reference === null || service.contractEnd === null ? null : monthsBetween(reference, service.contractEnd);
    return {
      ...service,
      costPerUser: costPerUser(service.annualCost, service.users),
      monthsToEnd,
      window: contractWindow(monthsToEnd, settings.windowMonths),
      score: priorityScore({
        status: service.status,
        criticality: service.criticality,
        lifecycle: service.lifecycle,
        monthsToEnd,
        windowMonths: settings.windowMonths,
        annualCost: service.annualCost,
        maxAnnualCost: max,
      }),
    };
  });
}
