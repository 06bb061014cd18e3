import { describe, expect, it } from 'vitest';
import { roleAudiences, roles, rolesFor } from '../../src/schemas/content/gesprekstip.ts';
import { audiences } from '../../src/schemas/content/shared.ts';

/** The one table from conversation-tip roles to audiences, and what the pages read from it. */
describe('roles and audiences', () => {
  it('gives every role at least one audience, so its tips appear on an audience page', () => {
    for (const role of roles) expect(roleAudiences[role].length, role).toBeGreaterThan(0);
  });

  it('names only audiences that exist', () => {
    expect(Object.values(roleAudiences).flat().filter((a) => !(audiences as readonly string[]).includes(a))).toEqual([]);
  });

  it('lists on an audience page exactly the roles whose row names that audience', () => {
    for (const audience of audiences) {
      expect(rolesFor(audience), audience).toEqual(roles.filter((role) => roleAudiences[role].includes(audience)));
      for (const role of rolesFor(audience)) expect(roleAudiences[role]).toContain(audience);
    }
  });
});
