import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

import type { Labels } from './labels';

export type Lang = 'zh' | 'en';

export type { Labels };

interface LangContext {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** the text in the chosen language */
  t: (zh: string, en: string) => string;
  /** a label pair in the chosen language */
  l: (labels: Labels | undefined, fallback?: string) => string;
}

const KEY = 'qts.lang';
const Context = createContext<LangContext | null>(null);

/** zh-CN first; English when the person chooses it (kept in this browser). */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  const value = useMemo<LangContext>(
    () => ({
      lang,
      setLang: (next) => {
        localStorage.setItem(KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLangState(next);
      },
      t: (zh, en) => (lang === 'zh' ? zh : en),
      l: (labels, fallback = '') => (labels ? labels[lang] : fallback),
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLang(): LangContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useLang outside LangProvider');
  return ctx;
}
