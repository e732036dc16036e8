import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { typed } from '../api/typed';
import type { ApiErrorBody, Role } from '../api/types';
import { useLang } from '../i18n/lang';
import { ROLES, SECTIONS } from '../i18n/names';
import { Failure } from '../shell/failure';
import { useLoad } from '../shell/use-load';
import { todayInBeijing } from '../time';

type Section = 'office' | 'quality' | 'enforcement' | 'standards' | 'metrology' | 'special_equipment';
type Outcome = { ok: true; text: string } | { ok: false; error: ApiErrorBody } | null;

/** 账户 (administrators): the bureau's accounts with roles, section and certificate; create, disable and enable. */
export function AccountsPage() {
  const { t, l } = useLang();
  const [users, reload] = useLoad(() => typed(api.GET('/api/users')), []);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const today = todayInBeijing();
  const toggle = async (id: string, disabled: boolean) => {
    const reason = disabled ? null : window.prompt(t(`停用 ${id} 的原因`, `Why disable ${id}?`));
    if (!disabled && !reason) return;
    const r = disabled
      ? await typed(api.POST('/api/users/{userId}/enable', { params: { path: { userId: id } } }))
      : await typed(api.POST('/api/users/{userId}/disable', { params: { path: { userId: id } }, body: { reason: reason ?? '' } }));
    setOutcome(
      r.ok ? { ok: true, text: `${id}: ${disabled ? t('已启用', 'enabled') : t('已停用', 'disabled')}` } : { ok: false, error: r.error },
    );
    reload();
  };
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => {
      const v = f.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    const r = await typed(
      api.POST('/api/users', {
        body: {
          id: text('id'),
          name: text('name'),
          section: (text('section') || null) as Section | null,
          roles,
          password: text('password'),
          certificate: text('certNumber') ? { number: text('certNumber'), validFrom: text('certFrom'), validTo: text('certTo') } : null,
        },
      }),
    );
    setOutcome(r.ok ? { ok: true, text: `${t('已创建', 'created')} ${r.data.id}` } : { ok: false, error: r.error });
    if (r.ok) {
      form.reset();
      setRoles([]);
      reload();
    }
  };
  return (
    <section>
      {users.state === 'error' && <Failure error={users.error} />}
      {users.state === 'ok' && (
        <div className="table-wrap card">
          <table data-testid="accounts">
            <thead>
              <tr>
                <th>{t('账号', 'ID')}</th>
                <th>{t('姓名', 'Name')}</th>
                <th>{t('科室', 'Section')}</th>
                <th>{t('角色', 'Roles')}</th>
                <th>{t('执法证', 'Certificate')}</th>
                <th>{t('状态', 'Status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const cert = u.certificate;
                const valid = cert !== null && cert.validFrom <= today && today <= cert.validTo;
                return (
                  <tr key={u.id}>
                    <td>{u.id}</td>
                    <td>{u.name}</td>
                    <td>{u.section ? l(SECTIONS[u.section]) : '—'}</td>
                    <td>{u.roles.map((r) => l(ROLES[r], r)).join('、')}</td>
                    <td className={cert && !valid ? 'overdue' : ''}>
                      {cert ? `${cert.number}（${cert.validFrom}–${cert.validTo}）` : '—'}
                    </td>
                    <td className={u.disabledAt ? 'overdue' : ''}>
                      {u.disabledAt ? `${t('已停用', 'disabled')}：${u.disabledReason ?? ''}` : t('在用', 'active')}
                    </td>
                    <td>
                      <button type="button" onClick={() => void toggle(u.id, u.disabledAt !== null)}>
                        {u.disabledAt ? t('启用', 'Enable') : t('停用', 'Disable')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="card filters" onSubmit={(e) => void create(e)}>
        <h3>{t('新建账户', 'New account')}</h3>
        <label>
          {t('账号', 'ID')} <input name="id" required size={12} />
        </label>
        <label>
          {t('姓名', 'Name')} <input name="name" required size={8} />
        </label>
        <label>
          {t('科室', 'Section')}
          <select name="section">
            <option value="">{t('无', 'none')}</option>
            {Object.entries(SECTIONS).map(([k, v]) => (
              <option key={k} value={k}>
                {l(v)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="roles">
          <legend>{t('角色', 'Roles')}</legend>
          {(Object.keys(ROLES) as Role[]).map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              {l(ROLES[r])}
            </label>
          ))}
        </fieldset>
        <label>
          {t('执法证号', 'Certificate')} <input name="certNumber" size={12} />
        </label>
        <label>
          {t('有效期自', 'From')} <input name="certFrom" type="date" />
        </label>
        <label>
          {t('至', 'To')} <input name="certTo" type="date" />
        </label>
        <label>
          {t('初始密码', 'Password')} <input name="password" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit" className="primary">
          {t('创建', 'Create')}
        </button>
      </form>
      {outcome?.ok && <p className="ok">{outcome.text}</p>}
      {outcome && !outcome.ok && <Failure error={outcome.error} />}
    </section>
  );
}
