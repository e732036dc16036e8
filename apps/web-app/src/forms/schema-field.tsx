import type { ReactNode } from 'react';
import { useLang } from '../i18n/lang';
import { isFenField } from '../money';
import { defaultsOf, serverFilled } from './defaults';
import { JsonField, MoneyField, StringListField } from './text-fields';
import { DATE_PATTERN, isJsonObject, presentSchema, tagOf, variantsOf, type Json, type JsonSchema } from './json-schema';
import { choiceLabel, fieldLabel, LONG_TEXT } from './labels';
import { ProvisionField } from './provision-field';

export interface FieldProps {
  schema: JsonSchema;
  name: string;
  /** where the field is in the body (a.b.0.c), for its error */
  path: string;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  required: boolean;
  /** the signed-in person's id (the first of the people a form lists) */
  me: string;
}

export function Labelled({ name, required, wide, children }: { name: string; required: boolean; wide?: boolean; children: ReactNode }) {
  const { l } = useLang();
  const label = fieldLabel(name);
  return (
    <label className={wide ? 'form-field wide' : 'form-field'} title={label.en}>
      <span>
        {l(label)}
        {required ? ' *' : ''}
      </span>
      {children}
    </label>
  );
}

/** One field of a command form, chosen by its schema: choices as selects, dates as dates, money in yuan. */
export function SchemaField(props: FieldProps) {
  const { schema: given, name, value, onChange, required } = props;
  const { l } = useLang();
  const schema = presentSchema(given);
  if (name === 'provisionId') return <ProvisionField {...props} />;
  if (variantsOf(schema)) return <VariantField {...props} schema={schema} />;
  if (schema.type === 'object' && schema.properties) return <ObjectField {...props} schema={schema} />;
  if (schema.enum) {
    return (
      <Labelled name={name} required={required}>
        <select name={props.path} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          {!required && <option value="">—</option>}
          {schema.enum.map((v) => (
            <option key={String(v)} value={String(v)}>
              {l(choiceLabel(String(v)))}
            </option>
          ))}
        </select>
      </Labelled>
    );
  }
  if (schema.type === 'string') {
    const text = typeof value === 'string' ? value : '';
    const set = (v: string) => onChange(v === '' && !required ? undefined : v);
    return (
      <Labelled name={name} required={required}>
        {LONG_TEXT.has(name) ? (
          <textarea name={props.path} rows={3} value={text} onChange={(e) => set(e.target.value)} />
        ) : (
          <input
            name={props.path}
            type={schema.pattern === DATE_PATTERN ? 'date' : 'text'}
            value={text}
            onChange={(e) => set(e.target.value)}
          />
        )}
      </Labelled>
    );
  }
  if ((schema.type === 'integer' || schema.type === 'number') && isFenField(name)) return <MoneyField {...props} schema={schema} />;
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <Labelled name={name} required={required}>
        <input
          name={props.path}
          type="number"
          step={schema.type === 'integer' ? 1 : 'any'}
          min={schema.minimum}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </Labelled>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <label className="form-field check">
        <input name={props.path} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span>{l(fieldLabel(name))}</span>
      </label>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'string' && !schema.items.enum)
    return <StringListField {...props} schema={schema} />;
  if (schema.type === 'array' && schema.items) return <ArrayField {...props} schema={schema} items={schema.items} />;
  return <JsonField {...props} schema={schema} />;
}

/** An object's fields in a group (the body itself has no frame). */
export function ObjectField({ schema, name, path, value, onChange, required, me, skip = [] }: FieldProps & { skip?: string[] }) {
  const { l } = useLang();
  const current = isJsonObject(value) ? value : {};
  const fields = Object.entries(schema.properties ?? {})
    .filter(([prop, sub]) => prop !== 'type' && !skip.includes(prop) && !serverFilled(sub, prop))
    .map(([prop, sub]) => (
      <SchemaField
        key={prop}
        schema={sub}
        name={prop}
        path={path ? `${path}.${prop}` : prop}
        value={current[prop]}
        required={(schema.required ?? []).includes(prop)}
        me={me}
        onChange={(v) => {
          const next = { ...current };
          if (v === undefined) delete next[prop];
          else next[prop] = v;
          onChange(next);
        }}
      />
    ));
  if (!name) return <div className="form-group">{fields}</div>;
  return (
    <fieldset className="form-group">
      <legend>
        {l(fieldLabel(name))}
        {required ? ' *' : ''}
      </legend>
      {fields}
    </fieldset>
  );
}

/** A oneOf: the choice that tells the options apart, then the chosen option's fields. */
function VariantField(props: FieldProps) {
  const { schema, name, path, value, onChange, required, me } = props;
  const { l } = useLang();
  const variants = variantsOf(schema);
  if (!variants) return null;
  const { options, key } = variants;
  const current = isJsonObject(value) ? value : {};
  const tag = typeof current[key] === 'string' ? current[key] : '';
  const chosen = options.find((o) => tagOf(o, key) === tag);
  const choose = (next: string) => {
    const option = options.find((o) => tagOf(o, key) === next);
    onChange(option ? (defaultsOf(option, name, true, me) ?? { [key]: next }) : undefined);
  };
  return (
    <fieldset className="form-group">
      <legend>{l(fieldLabel(name || key))}</legend>
      <Labelled name={key} required={required}>
        <select name={`${path}.${key}`} value={tag} onChange={(e) => choose(e.target.value)}>
          {!required && <option value="">—</option>}
          {options.map((o) => (
            <option key={tagOf(o, key)} value={tagOf(o, key)}>
              {l(choiceLabel(tagOf(o, key)))}
            </option>
          ))}
        </select>
      </Labelled>
      {chosen && (
        <ObjectField
          schema={chosen}
          name=""
          path={path}
          value={current}
          required={required}
          me={me}
          skip={[key]}
          onChange={(v) => onChange(v)}
        />
      )}
    </fieldset>
  );
}

/** A list of objects: one group per item, added and removed by buttons. */
function ArrayField(props: FieldProps & { items: JsonSchema }) {
  const { items, name, path, value, onChange, required, me } = props;
  const { t, l } = useLang();
  const list = Array.isArray(value) ? value : [];
  const set = (i: number, v: Json | undefined) => onChange(list.map((x, j) => (j === i ? (v ?? null) : x)));
  return (
    <fieldset className="form-group">
      <legend>
        {l(fieldLabel(name))}
        {required ? ' *' : ''}
      </legend>
      {list.map((item, i) => (
        <div key={i} className="array-item">
          <SchemaField
            schema={items}
            name={`${name}[${i + 1}]`}
            path={`${path}.${i}`}
            value={item}
            required
            me={me}
            onChange={(v) => set(i, v)}
          />
          <button type="button" className="link" onClick={() => onChange(list.filter((_, j) => j !== i))}>
            {t('删除', 'remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...list, defaultsOf(items, name, true, me) ?? null])}>
        {t('添加一项', 'add one')}
      </button>
    </fieldset>
  );
}
