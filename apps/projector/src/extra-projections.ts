import { caseProjections, type CaseProjection } from '@qts/domain';

function isProjection(value: unknown): value is CaseProjection {
  const p = value as Partial<CaseProjection> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.caseType === 'string' &&
    typeof p.initialState === 'function' &&
    typeof p.evolve === 'function' &&
    typeof p.view === 'function'
  );
}

/**
 * Loads the modules named in PROJECTOR_EXTRA_PROJECTIONS (absolute paths of CommonJS modules) and registers
 * each projection of their `projections` export, for processes that live outside libs/domain (and for tests,
 * which run the projector as a child process with a projection of their own). A caseType that already has a
 * projection is refused, so a plug-in can never replace a built-in process. Returns the caseTypes added.
 */
export async function registerExtraProjections(modules: readonly string[]): Promise<string[]> {
  const added: string[] = [];
  for (const path of modules) {
    const loaded = (await import(path)) as { projections?: unknown };
    if (!Array.isArray(loaded.projections)) throw new Error(`${path}: expected an export "projections" (an array of CaseProjection)`);
    for (const projection of loaded.projections as unknown[]) {
      if (!isProjection(projection)) throw new Error(`${path}: not a CaseProjection (caseType, initialState, evolve, view)`);
      if (caseProjections[projection.caseType]) throw new Error(`${path}: caseType "${projection.caseType}" already has a projection`);
      caseProjections[projection.caseType] = projection;
      added.push(projection.caseType);
    }
  }
  return added;
}
