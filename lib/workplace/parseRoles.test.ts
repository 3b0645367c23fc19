import { describe, expect, it } from "vitest";
import { parseRoles, type RoleName } from "./parseRoles.js";

const ROLES: readonly RoleName[] = [
  { key: "clerk", names: ["clerk", "Sachbearbeitung", "Clerk"] },
  { key: "manager", names: ["manager", "Führungskraft", "Manager"] },
  { key: "fieldService", names: ["fieldService", "Außendienst", "Field service"] },
];
const ALL = ["alle", "all"];

describe("parseRoles", () => {
  it("reads roles in either language, any case and spacing, in list order, each once", () => {
    expect(parseRoles("Führungskraft; sachbearbeitung , CLERK", ROLES, ALL)).toEqual({
      roles: ["clerk", "manager"],
      unknown: [],
    });
    expect(parseRoles("field   service\nManager", ROLES, ALL)).toEqual({
      roles: ["manager", "fieldService"],
      unknown: [],
    });
  });

  it("reads an empty cell and „alle“ as every role", () => {
    expect(parseRoles("", ROLES, ALL)).toEqual({ roles: null, unknown: [] });
    expect(parseRoles(" ;  ", ROLES, ALL)).toEqual({ roles: null, unknown: [] });
    expect(parseRoles("Alle", ROLES, ALL)).toEqual({ roles: null, unknown: [] });
    expect(parseRoles("Außendienst; all", ROLES, ALL)).toEqual({ roles: null, unknown: [] });
  });

  it("returns the parts that name no role", () => {
    expect(parseRoles("Hausmeister; Außendienst; Bauhof", ROLES, ALL)).toEqual({
      roles: ["fieldService"],
      unknown: ["Hausmeister", "Bauhof"],
    });
    expect(parseRoles("Sachbearbeitung und Führungskraft", ROLES, ALL).unknown).toEqual([
      "Sachbearbeitung und Führungskraft",
    ]);
  });
});
