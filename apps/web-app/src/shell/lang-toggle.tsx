import { useLang } from '../i18n/lang';

export function LangToggle() {
  const { lang, setLang } = useLang();
  return (
    <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label="language / 语言">
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}
