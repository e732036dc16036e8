import type { Pool } from 'pg';
import { AssignmentStore } from './assignment-store';
import { identitySchemaName, identityTables, migrateIdentity, type IdentityTables } from './identity-schema';
import { LoginThrottle, type ThrottleLimits } from './login-throttle';
import { SessionStore } from './session-store';
import { UserStore } from './user-store';

/** The identity stores of one deployment (one schema). */
export class Identity {
  readonly tables: IdentityTables;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly assignments: AssignmentStore;
  readonly throttle: LoginThrottle;

  constructor(
    readonly pool: Pool,
    readModelSchema: string,
    limits: ThrottleLimits,
  ) {
    this.schema = identitySchemaName(readModelSchema);
    this.tables = identityTables(this.schema);
    this.users = new UserStore(pool, this.tables);
    this.sessions = new SessionStore(pool, this.tables);
    this.assignments = new AssignmentStore(pool, this.tables);
    this.throttle = new LoginThrottle(pool, this.tables, limits);
  }

  readonly schema: string;

  migrate(): Promise<void> {
    return migrateIdentity(this.pool, this.schema);
  }
}
