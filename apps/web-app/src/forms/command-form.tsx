import { useCallback, useMemo, useState } from 'react';
import { call } from '../api/raw';
import type { ApiErrorBody } from '../api/types';
import { useLang } from '../i18n/lang';
import { Failure } from '../shell/failure';
import { session } from '../shell/session';
import { cleaned, defaultsOf } from './defaults';
import { FormErrors, type ReportError } from './form-errors';
import { isJsonObject, type Json, type JsonSchema } from './json-schema';
import { ObjectField } from './schema-field';

export interface Accepted {
  caseId: string;
  stage?: string;
  events?: { seq: number; type: string }[];
}

interface Props {
  /** where the command goes: POST /api/{route} (an opening) or /api/{route}/{id}/commands */
  url: string;
  type: string;
  schema: JsonSchema;
  /** values the form starts from over the schema's defaults */
  initial?: Record<string, Json>;
  submitLabel: string;
  onAccepted: (answer: Accepted) => void;
}

/**
 * A command's form, generated from its JSON schema. One Idempotency-Key per command until it has a definite answer:
 * a resend after a lost answer or a 503 is the same command (applied once); an edit makes it a new command.
 */
export function CommandForm({ url, type, schema, initial, submitLabel, onAccepted }: Props) {
  const { t } = useLang();
  const me = session.get()?.user.id ?? '';
  const [value, setValue] = useState<Json | undefined>(() => {
    const base = defaultsOf(schema, '', true, me);
    return { ...(isJsonObject(base) ? base : {}), ...initial };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);
  const report = useCallback<ReportError>(
    (path, message) =>
      setErrors((prev) => {
        if ((prev[path] ?? null) === message) return prev;
        const next = { ...prev };
        if (message === null) delete next[path];
        else next[path] = message;
        return next;
      }),
    [],
  );
  const problems = useMemo(() => Object.values(errors), [errors]);
  const send = async () => {
    const key = pendingKey ?? crypto.randomUUID();
    setPendingKey(key);
    setBusy(true);
    setRefusal(null);
    const body = { type, ...(cleaned(value) as Record<string, Json>) };
    const r = await call<Accepted>('POST', url, body, { 'idempotency-key': key });
    setBusy(false);
    if (r.status !== 503 && r.status !== 0) setPendingKey(null);
    if (r.ok) onAccepted(r.data);
    else setRefusal(r.error);
  };
  return (
    <FormErrors.Provider value={report}>
      <form
        className="command-form"
        data-command={type}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ObjectField
          schema={schema}
          name=""
          path=""
          value={value}
          required
          me={me}
          onChange={(v) => {
            setValue(v);
            setPendingKey(null);
          }}
        />
        {problems.length > 0 && <p className="error">{problems.join('；')}</p>}
        <p>
          <button type="submit" className="primary" disabled={busy || problems.length > 0}>
            {busy ? t('提交中…', 'sending…') : submitLabel}
          </button>
        </p>
        {refusal && <Failure error={refusal} />}
      </form>
    </FormErrors.Provider>
  );
}
