import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { ApiErrorBody } from '../api/types';
import { useLang } from '../i18n/lang';
import { Failure } from '../shell/failure';

/** 修改密码: the current one, then the new (12 characters at least); other sessions of the person end. */
export function PasswordPage() {
  const { t } = useLang();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ApiErrorBody } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await typed(api.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } }));
    setResult(r.ok ? { ok: true } : { ok: false, error: r.error });
    if (r.ok) {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <section>
      <form className="card narrow-form" onSubmit={(e) => void submit(e)}>
        <label className="form-field">
          <span>{t('当前密码', 'Current password')}</span>
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="form-field">
          <span>{t('新密码（至少 12 个字符）', 'New password (12 characters at least)')}</span>
          <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <p>
          <button type="submit" className="primary">
            {t('修改', 'Change')}
          </button>
        </p>
        {result?.ok && <p className="ok">{t('密码已修改，其他会话已退出', 'Changed; other sessions were signed out')}</p>}
        {result && !result.ok && <Failure error={result.error} />}
      </form>
    </section>
  );
}
