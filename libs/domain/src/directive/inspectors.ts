import { certificateValidOn, type OfficerCredential } from '../authorization/principal';
import { domainError, type DomainError } from '../shared/domain-error';
import type { IsoDate } from '../shared/iso-date';
import type { CertifiedInspector } from './events';

/**
 * Inspections by two or more inspectors holding valid certificates: 特种设备安全法 第六十五条第三款 and
 * 特种设备安全监督检查办法 第十九条第一款 (the 办法 has forty articles: 第六十五、六十六条 are the law's).
 */
export const TWO_INSPECTORS = '《特种设备安全法》第六十五条第三款；《特种设备安全监督检查办法》第十九条';

/** Two or more distinct inspectors, each with an enabled account and a certificate valid on the day; their numbers. */
export function certifiedInspectors(
  ids: readonly string[],
  credentials: readonly OfficerCredential[] | undefined,
  on: IsoDate,
  act: string,
): CertifiedInspector[] | DomainError {
  const distinct = [...new Set(ids)];
  if (distinct.length < 2)
    return domainError(
      'TWO_INSPECTORS_REQUIRED',
      `${act}须由两名以上持证监察人员进行（${TWO_INSPECTORS}），本次只有 ${distinct.length} 名 / at least two certified inspectors are required`,
      { inspectorIds: ids },
    );
  if (credentials === undefined)
    return domainError('OFFICER_CREDENTIALS_MISSING', '缺少监察人员的执法证信息 / the inspectors’ certificates were not attached');
  const unknown = distinct.filter((id) => !credentials.some((c) => c.id === id));
  if (unknown.length > 0)
    return domainError('OFFICER_UNKNOWN', `没有可用的监察人员账户：${unknown.join('、')} / no enabled account: ${unknown.join(', ')}`, {
      unknown,
    });
  const chosen = distinct.map((id) => credentials.find((c) => c.id === id)).filter((c): c is OfficerCredential => c !== undefined);
  const invalid = chosen.filter((c) => !certificateValidOn(c.certificate, on));
  if (invalid.length > 0)
    return domainError(
      'OFFICER_CERTIFICATE_NOT_VALID',
      `${act}日 ${on} 以下人员无有效执法证：${invalid.map((c) => c.name || c.id).join('、')}（${TWO_INSPECTORS}）/ on ${on} these inspectors hold no valid certificate: ${invalid.map((c) => c.id).join(', ')}`,
      { on, officers: invalid.map((c) => c.id) },
    );
  return chosen.map((c) => ({ officerId: c.id, name: c.name, certificateNo: c.certificate?.number ?? '' }));
}
