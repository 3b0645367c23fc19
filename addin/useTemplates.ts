/**
 * The templates the pane offers: the registry's list unless a provider gives another (a test's
 * longer list with a toy template). Hand wiring, no container.
 */
import { createContext, useContext } from "react";
import { TEMPLATES } from "../templates/registry.js";
import type { TemplateModule } from "../templates/TemplateModule.js";

export const TemplatesContext = createContext<readonly TemplateModule[]>(TEMPLATES);

/** The templates of the nearest TemplatesContext provider (the registry's without one). */
export function useTemplates(): readonly TemplateModule[] {
  return useContext(TemplatesContext);
}
