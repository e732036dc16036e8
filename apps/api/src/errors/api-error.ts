/** The one error shape the API answers with: { code, message, details, correlationId }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details: unknown;
  correlationId: string;
}
