import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { typed } from '../api/typed';
import { useLang } from '../i18n/lang';
import { yuanOf } from '../money';
import type { paths } from '../api/schema';
import { Labelled, type FieldProps } from './schema-field';

type Provisions = paths['/api/policy/penalty-provisions']['get']['responses'][200]['content']['application/json'];
type Range = Provisions[number]['versions'][number]['range'];

let cache: Promise<Provisions> | null = null;
const provisions = () =>
  (cache ??= typed(api.GET('/api/policy/penalty-provisions')).then((r) => {
    if (!r.ok) cache = null;
    return r.ok ? r.data : [];
  }));

/** "¥30,000.00–¥300,000.00", or "货值金额 0–30%": a fine range as people read it. */
export function rangeText(range: Range, t: (zh: string, en: string) => string): string {
  if (range.kind === 'absolute') return `¥${yuanOf(range.minFen)}–¥${yuanOf(range.maxFen)}`;
  const pct = (bp: number) => `${bp / 100}%`;
  return t(
    `货值金额的 ${pct(range.minBasisPoints)}–${pct(range.maxBasisPoints)}`,
    `${pct(range.minBasisPoints)}–${pct(range.maxBasisPoints)} of the goods value`,
  );
}

/** 处罚依据: the provisions listed with their article and fine range (GET /api/policy/penalty-provisions), not a slug. */
export function ProvisionField({ name, path, value, onChange, required }: FieldProps) {
  const { t, lang } = useLang();
  const [list, setList] = useState<Provisions | null>(null);
  useEffect(() => {
    void provisions().then(setList);
  }, []);
  const chosen = list?.find((p) => p.provisionId === value);
  const latest = chosen?.versions.at(-1);
  return (
    <Labelled name={name} required={required} wide>
      <select name={path} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('请选择处罚依据', 'choose the provision')}</option>
        {(list ?? []).map((p) => {
          const range = p.versions.at(-1)?.range;
          return (
            <option key={p.provisionId} value={p.provisionId}>
              {lang === 'zh' ? `${p.descriptionZh} ${p.titleZh}` : p.descriptionEn}
              {range ? `（${rangeText(range, t)}）` : ''}
            </option>
          );
        })}
      </select>
      {latest && <small className="muted">{latest.source}</small>}
    </Labelled>
  );
}
