/** A business-rule refusal. The HTTP edge alone maps it to a status code. */
export interface DomainError {
  readonly kind: 'DomainError';
  /** machine-readable reason, e.g. SUMMARY_THRESHOLD_EXCEEDED */
  readonly code: string;
  /** human-readable reason, naming the rule and its legal source where there is one */
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export function domainError(code: string, message: string, details?: Record<string, unknown>): DomainError {
  return details === undefined ? { kind: 'DomainError', code, message } : { kind: 'DomainError', code, message, details };
}

export function isDomainError(x: unknown): x is DomainError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'DomainError';
}
