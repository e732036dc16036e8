import { useState } from 'react';
import { authorisedFetch } from '../api/client';
import { errorOf } from '../api/errors';
import type { ApiErrorBody } from '../api/types';
import { Failure } from '../shell/failure';
import { useLang } from '../i18n/lang';

/** The printed 特种设备安全监察指令书: fetched with the bearer token, then offered as a file. */
export function DirectivePdf({ caseId }: { caseId: string }) {
  const { t } = useLang();
  const [status, setStatus] = useState<{ ok: true; text: string } | { ok: false; error: ApiErrorBody } | null>(null);
  const download = async () => {
    const res = await authorisedFetch(
      new Request(new URL(`/api/directives/${encodeURIComponent(caseId)}/document.pdf`, window.location.origin)),
    );
    if (!res.ok) {
      return setStatus({ ok: false, error: errorOf(await res.json().catch(() => null), res.status) });
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${caseId}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ ok: true, text: t('已下载', 'downloaded') });
  };
  return (
    <div className="card">
      <h3>{t('指令书', 'Directive')}</h3>
      <button type="button" onClick={() => void download()} data-testid="directive-pdf">
        {t('下载指令书 PDF', 'Download the directive (PDF)')}
      </button>{' '}
      {status?.ok && <span className="muted">{status.text}</span>}
      {status && !status.ok && <Failure error={status.error} />}
    </div>
  );
}
