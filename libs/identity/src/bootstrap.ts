import type { Identity } from './identity';
import { DEMO_PASSWORD, demoBureau } from './demo-bureau';
import { newUserSchema } from './user-schemas';
import type { UserRecord } from './user-store';

const BOOTSTRAP_ACTOR = 'bootstrap';

/**
 * The first administrator, created from the command line (nobody can sign in to create them). Refused once any
 * administrator exists: later ones are created through the API by an administrator.
 */
export async function createFirstAdministrator(
  identity: Identity,
  input: { id: string; name: string; password: string },
): Promise<UserRecord> {
  const existing = await identity.pool.query(`SELECT id FROM ${identity.tables.users} WHERE 'administrator' = ANY(roles) LIMIT 1`);
  if ((existing.rowCount ?? 0) > 0) {
    throw new Error(
      `an administrator already exists (${String((existing.rows[0] as { id: string }).id)}); create further accounts through the API`,
    );
  }
  const user = newUserSchema.parse({ ...input, roles: ['administrator'], section: 'office', certificate: null });
  return identity.users.create(user, BOOTSTRAP_ACTOR);
}

/** Loads the demo bureau; accounts that exist already are left as they are. Returns the ids created. */
export async function seedDemoBureau(identity: Identity, password = DEMO_PASSWORD): Promise<string[]> {
  const created: string[] = [];
  for (const demo of demoBureau()) {
    if (await identity.users.get(demo.id)) continue;
    await identity.users.create(newUserSchema.parse({ ...demo, password }), BOOTSTRAP_ACTOR);
    created.push(demo.id);
  }
  return created;
}
