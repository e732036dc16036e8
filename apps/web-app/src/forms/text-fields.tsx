import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { fenOf, yuanOf } from '../money';
import { useFieldError } from './form-errors';
import type { Json } from './json-schema';
import { fieldLabel } from './labels';
import { Labelled, type FieldProps } from './schema-field';

/** An amount the API counts in fen (…Fen), entered and shown in yuan. */
export function MoneyField({ name, path, value, onChange, required }: FieldProps) {
  const { t, l } = useLang();
  const [text, setText] = useState(typeof value === 'number' ? yuanOf(value).replace(/,/g, '') : '');
  const fen = fenOf(text);
  const problem =
    text.trim() === ''
      ? required
        ? t(`${l(fieldLabel(name))}：必填`, `${l(fieldLabel(name))}: required`)
        : null
      : fen === null
        ? t(`${l(fieldLabel(name))}：请填写金额（元，最多两位小数）`, `${l(fieldLabel(name))}: an amount in yuan, at most two decimals`)
        : null;
  useFieldError(path, problem);
  return (
    <Labelled name={name} required={required}>
      <span className="money">
        <span>¥</span>
        <input
          name={path}
          inputMode="decimal"
          value={text}
          placeholder="0.00"
          aria-invalid={text !== '' && fen === null}
          onChange={(e) => {
            setText(e.target.value);
            const next = fenOf(e.target.value);
            onChange(next === null ? undefined : next);
          }}
        />
        <span className="muted">{t('元', 'yuan')}</span>
      </span>
    </Labelled>
  );
}

/** A list of short texts (people's ids, measures): separated by commas, 、 or spaces. */
export function StringListField({ name, path, value, onChange, required, schema }: FieldProps) {
  const { t } = useLang();
  const [text, setText] = useState(
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '').join(', ') : '',
  );
  const items = text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const min = schema.minItems ?? 0;
  useFieldError(path, items.length < min ? t(`至少 ${min} 项`, `at least ${min}`) : null);
  return (
    <Labelled name={name} required={required}>
      <input
        name={path}
        value={text}
        placeholder={t('以逗号分隔', 'separated by commas')}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value
            .split(/[,，、\s]+/)
            .map((s) => s.trim())
            .filter(Boolean);
          onChange(next.length === 0 && !required ? undefined : next);
        }}
      />
    </Labelled>
  );
}

/** Anything the form has no control for: JSON, as the API documents it. */
export function JsonField({ name, path, value, onChange, required }: FieldProps) {
  const { t } = useLang();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  let problem: string | null = null;
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch {
      problem = t('JSON 格式错误', 'invalid JSON');
    }
  }
  useFieldError(path, problem);
  return (
    <Labelled name={name} required={required}>
      <textarea
        name={path}
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(e.target.value.trim() === '' ? undefined : (JSON.parse(e.target.value) as Json));
          } catch {
            onChange(undefined);
          }
        }}
      />
    </Labelled>
  );
}
