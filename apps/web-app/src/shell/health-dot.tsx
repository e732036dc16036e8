import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useLang } from '../i18n/lang';

/** One dot: green when every service and app answers /health, red with the reason when one does not. */
export function HealthDot() {
  const { t } = useLang();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const check = async () => {
      const { data, error, response } = await api.GET('/health').catch(() => ({ data: undefined, error: undefined, response: null }));
      const body = (data ?? error) as { status?: string } | undefined;
      setStatus({ ok: response?.ok === true, text: body?.status ?? String(response?.status ?? 'offline') });
    };
    void check();
    const timer = setInterval(() => void check(), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!status) return null;
  return (
    <span className={`health ${status.ok ? 'ok' : 'down'}`} title={status.text}>
      ● {status.ok ? t('服务正常', 'services up') : t('服务异常', 'service down')}
    </span>
  );
}
