import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { errorOf } from '../api/errors';
import { useLang } from '../i18n/lang';
import { LangToggle } from '../shell/lang-toggle';
import { session } from '../shell/session';

const text = (v: FormDataEntryValue | null): string => (typeof v === 'string' ? v : '');

export function SignInPage() {
  const { t } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const {
      data,
      error: failure,
      response,
    } = await api.POST('/api/auth/login', {
      body: { userId: text(form.get('userId')).trim(), password: text(form.get('password')), tokenDelivery: 'cookie' },
    });
    setBusy(false);
    if (data) session.set(data);
    else setError(errorOf(failure, response.status).message);
  };
  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-label={t('登录', 'Sign in')}>
        <header className="sign-in-head">
          <h1>{t('区质量技术监督局 案件工作流', 'District Quality & Technical Supervision Bureau — cases')}</h1>
          <LangToggle />
        </header>
        <label>
          {t('账号', 'User ID')}
          <input name="userId" autoComplete="username" required />
        </label>
        <label>
          {t('密码', 'Password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('登录', 'Sign in')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p className="muted">{t('本地演示账号见 README（如 officer-li、chief-zhao、head-wang）', 'Demo accounts: see the README')}</p>
      </form>
    </main>
  );
}
