/**
 * Thrown by a handler for input that can never succeed (malformed, refused, unknown type): the message goes
 * to the dead-letter topic at once instead of being retried.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

interface ZodLikeError {
  name: 'ZodError';
  issues: { path: PropertyKey[]; message: string }[];
}

/** Duck-typed, so that any copy of zod counts. */
function isZodError(err: unknown): err is ZodLikeError {
  return err instanceof Error && err.name === 'ZodError' && Array.isArray((err as Partial<ZodLikeError>).issues);
}

/** Bad input: a schema refused it, or the handler said so. Everything else is worth a retry. */
export function isPermanentError(err: unknown): boolean {
  return err instanceof PermanentError || isZodError(err);
}

const MAX_REASON = 2000;

/** A one-line reason for logs and dead-letter headers. */
export function describeError(err: unknown): string {
  let text: string;
  if (isZodError(err)) {
    text = `invalid message: ${err.issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`).join('; ')}`;
  } else if (err instanceof PermanentError) {
    text = err.message;
  } else if (err instanceof Error) {
    text = `${err.name}: ${err.message}`;
  } else {
    text = String(err);
  }
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}
