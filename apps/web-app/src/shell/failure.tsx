import type { ApiErrorBody } from '../api/types';
import { useLang, type Lang } from '../i18n/lang';
import { inYuan } from '../money';

/** The API's messages are "中文 / English": the part in the chosen language (the whole when it has no such split). */
export function inLang(message: string, lang: Lang): string {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + 3);
}

/** An error answer as the API gave it: its message in the chosen language, amounts in yuan, the code for the record. */
export function Failure({ error }: { error: ApiErrorBody }) {
  const { lang } = useLang();
  return (
    <p className="error" role="alert">
      {inYuan(inLang(error.message, lang))} <small className="code">{error.code}</small>
    </p>
  );
}
