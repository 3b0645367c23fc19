/** A role as a requirement's role cell may name it: its key and every name it may be typed as. */
export interface RoleName {
  readonly key: string;
  /** The key itself, and the role's label in every language. */
  readonly names: readonly string[];
}

/** What a role cell says: the roles (`null` = every role) and the parts that name no role. */
export interface ParsedRoles {
  readonly roles: readonly string[] | null;
  readonly unknown: readonly string[];
}

const normalise = (text: string): string => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Reads a role cell: role names separated by `;`, `,` or line breaks, in any language, case and
 * spacing ignored. Empty, or a word for „all“ (e.g. `alle`), means every role. Each role counts
 * once, in the order of `roles`; a part that names no role is returned in `unknown`.
 *
 * @example parseRoles("Führungskraft; sachbearbeitung", ROLES, ["alle", "all"]) // → { roles: ["clerk", "manager"], unknown: [] }
 * @example parseRoles("", ROLES, ["alle", "all"]) // → { roles: null, unknown: [] }
 */
export function parseRoles(text: string, roles: readonly RoleName[], allWords: readonly string[]): ParsedRoles {
  const parts = text
    .split(/[;,\n\r]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const all = new Set(allWords.map(normalise));
  const found = new Set<string>();
  const unknown: string[] = [];
  let everyRole = parts.length === 0;
  for (const part of parts) {
    const wanted = normalise(part);
    if (all.has(wanted)) {
      everyRole = true;
      continue;
    }
    const role = roles.find((r) => r.names.some((name) => normalise(name) === wanted));
    if (role) found.add(role.key);
    else unknown.push(part);
  }
  return {
    roles: everyRole ? null : roles.filter((r) => found.has(r.key)).map((r) => r.key),
    unknown,
  };
}
