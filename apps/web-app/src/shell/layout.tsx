import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';
import { ROLES, SECTIONS } from '../i18n/names';
import { useCatalogue } from './catalogue';
import { HealthDot } from './health-dot';
import { LangToggle } from './lang-toggle';
import { session } from './session';

interface NavItem {
  to: string;
  zh: string;
  en: string;
  shown: boolean;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, l } = useLang();
  const catalogue = useCatalogue();
  const user = session.get()?.user;
  const manager = (user?.roles ?? []).some((r) => r === 'section_chief' || r === 'bureau_head');
  const mayOpen = catalogue.processes.some((p) => p.openings.some((o) => o.permitted));
  const items: NavItem[] = [
    { to: '/inbox', zh: '待办', en: 'Inbox', shown: true },
    { to: '/cases', zh: '案件', en: 'Cases', shown: true },
    { to: '/desk', zh: '督办台', en: 'Desk', shown: manager || catalogue.can('audit.read') },
    { to: '/notices', zh: '督办通知', en: 'Notices', shown: true },
    { to: '/equipment', zh: '特种设备', en: 'Equipment', shown: true },
    { to: '/accidents', zh: '事故', en: 'Accidents', shown: true },
    { to: '/recalls', zh: '召回', en: 'Recalls', shown: true },
    { to: '/new', zh: '新建案件', en: 'New case', shown: mayOpen },
    { to: '/damaged', zh: '受损案件', en: 'Damaged', shown: catalogue.can('cases.damaged') },
    { to: '/accounts', zh: '账户', en: 'Accounts', shown: catalogue.can('users.manage') },
    { to: '/audit', zh: '审计', en: 'Audit', shown: catalogue.can('audit.read') },
    { to: '/password', zh: '修改密码', en: 'Password', shown: true },
  ];
  const signOut = async () => {
    await api.POST('/api/auth/logout');
    session.set(null);
  };
  return (
    <div className="shell">
      <header className="top">
        <h1>
          {t('案件工作流', 'Case workflow')} <small>{t('区质量技术监督局', 'District QTS Bureau')}</small>
        </h1>
        <div className="who">
          {user && (
            <span data-testid="who">
              {user.name}（{user.id}）· {user.roles.map((r) => l(ROLES[r], r)).join('、')}
              {user.section ? ` · ${l(SECTIONS[user.section], user.section)}` : ''}
            </span>
          )}
          <HealthDot />
          <LangToggle />
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('退出', 'Sign out')}
          </button>
        </div>
      </header>
      <nav className="tabs">
        {items
          .filter((i) => i.shown)
          .map((i) => (
            <NavLink key={i.to} to={i.to}>
              {t(i.zh, i.en)}
            </NavLink>
          ))}
      </nav>
      <main className="page">{children}</main>
    </div>
  );
}
