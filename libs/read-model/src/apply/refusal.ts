export type RefusalCode = 'unknown-case-type' | 'sequence-gap' | 'case-type-mismatch' | 'projection-failed' | 'unstorable';

/**
 * An event the read model can never apply as it is (bad input, not a passing failure): the projector
 * dead-letters it with this message instead of retrying.
 */
export class ProjectionRefusedError extends Error {
  override readonly name = 'ProjectionRefusedError';

  constructor(
    readonly code: RefusalCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isProjectionRefused(err: unknown): err is ProjectionRefusedError {
  return err instanceof ProjectionRefusedError;
}
