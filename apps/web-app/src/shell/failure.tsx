import type { ApiErrorBody } from '../api/types';
import { inYuan } from '../money';

/** An error answer as the API gave it (code and message), amounts in yuan. */
export function Failure({ error }: { error: ApiErrorBody }) {
  return (
    <p className="error" role="alert">
      {error.code}: {inYuan(error.message)}
    </p>
  );
}
