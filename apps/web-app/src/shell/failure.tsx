import type { ApiErrorBody } from '../api/types';
import { useLang, type Lang } from '../i18n/lang';
import { inYuan } from '../money';

/** The API's messages are "中文 / English": the part in the chosen language (the whole when it has no such split). */
export function inLang(message: string, lang: Lang): string {
  const at = message.lastIndexOf(' / ');
  if (at >= 0) return lang === 'zh' ? message.slice(0, at) : message.slice(at + 3);
  // "…（第六十二条）/ issue …": the Chinese ends in a full-width bracket, with no space before the slash
  const after = message.lastIndexOf('）/ ');
  if (after >= 0) return lang === 'zh' ? message.slice(0, after + 1) : message.slice(after + 3);
  return message;
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
