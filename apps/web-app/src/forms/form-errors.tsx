import { createContext, useContext, useEffect } from 'react';

/** Fields whose text cannot be a value yet (an amount that is not yuan): the form will not send while any remain. */
export type ReportError = (path: string, message: string | null) => void;
export const FormErrors = createContext<ReportError>(() => undefined);

/** Reports this field's problem (or its absence), and withdraws it when the field goes away. */
export function useFieldError(path: string, message: string | null): void {
  const report = useContext(FormErrors);
  useEffect(() => {
    report(path, message);
    return () => report(path, null);
  }, [report, path, message]);
}
