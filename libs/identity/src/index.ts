export { Identity } from './identity';
export { identitySchemaName, identityTables, migrateIdentity, type IdentityTables } from './identity-schema';
export { UserStore, IdentityError, type UserRecord } from './user-store';
export { SessionStore, type IssuedSession, type SessionLookup, type SessionProblem } from './session-store';
export { AssignmentStore, type CaseAssignment } from './assignment-store';
export { LoginThrottle, type ThrottleLimits, type ThrottleVerdict } from './login-throttle';
export { hashPassword, verifyPassword, burnPasswordCheck, passwordProblem, MIN_PASSWORD_LENGTH } from './password';
export {
  appendIdentityAudit,
  auditEntryHash,
  listIdentityAudit,
  verifyIdentityAudit,
  type IdentityAuditEntry,
  type IdentityAuditReport,
} from './identity-audit-log';
export * from './user-schemas';
export { demoBureau, DEMO_PASSWORD } from './demo-bureau';
export { seedDemoBureau, createFirstAdministrator } from './bootstrap';
