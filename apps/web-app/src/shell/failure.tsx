import type { ApiErrorBody } from '../api/types';
import { inLang } from '../i18n/in-lang';
import { useLang } from '../i18n/lang';
import { inYuan } from '../money';

export { inLang } from '../i18n/in-lang';

/** An error answer as the API gave it: its message in the chosen language, amounts in yuan, the code for the record. */
export function Failure({ error }: { error: ApiErrorBody }) {
  const { lang } = useLang();
  return (
    <p className="error" role="alert">
      {inYuan(inLang(error.message, lang))} <small className="code">{error.code}</small>
    </p>
  );
}
