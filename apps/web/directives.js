// 特种设备安全监察指令: a unit's or a device's directives, seals and emergency orders (those awaiting their written
// directive first), and the printed 指令书 (PDF) on a directive case's page. Uses app.js's helpers (el, $, api, …).
'use strict';

const EQUIPMENT_TYPE_ZH = {
  boiler: '锅炉',
  pressure_vessel: '压力容器',
  pressure_piping: '压力管道',
  elevator: '电梯',
  crane: '起重机械',
  passenger_ropeway: '客运索道',
  amusement_ride: '大型游乐设施',
  field_vehicle: '场（厂）内专用机动车辆',
};

async function loadEquipment(event) {
  event?.preventDefault();
  const form = $('#equipment-filters');
  const params = new URLSearchParams();
  if (form.unit.value.trim()) params.set('unit', form.unit.value.trim());
  if (form.registrationCode.value.trim()) params.set('registrationCode', form.registrationCode.value.trim());
  if (form.includeClosed.checked) params.set('includeClosed', 'true');
  const out = $('#equipment-list');
  const { ok, data } = await api('GET', `/api/directives/equipment?${params}`);
  if (!ok) return out.replaceChildren(el('p', { class: 'error' }, data.message));
  if (data.items.length === 0) return out.replaceChildren(el('p', { class: 'muted' }, '没有安全监察指令案件 / no directive cases'));
  out.replaceChildren(
    el(
      'table',
      {},
      el(
        'tr',
        {},
        ['案件 Case', '设备 Equipment', '使用单位 Unit', '阶段 Stage', '紧急处置 Emergency', '查封扣押 Seal', '最近期限 Next due'].map(
          (h) => el('th', {}, h),
        ),
      ),
      ...data.items.map((c) =>
        el(
          'tr',
          { class: c.awaitingWrittenDirective || c.overdue ? 'overdue' : '' },
          el('td', {}, el('a', { href: '#', onclick: (e) => (e.preventDefault(), openCase(c.caseId)) }, c.caseId)),
          el(
            'td',
            {},
            c.equipment
              ? `${c.equipment.registrationCode} ${EQUIPMENT_TYPE_ZH[c.equipment.type] || c.equipment.type} ${c.equipment.location}`
              : '',
          ),
          el('td', {}, c.partyName),
          el('td', {}, stageZh(c.stage, c.caseType)),
          el(
            'td',
            {},
            c.awaitingWrittenDirective ? '待补发书面指令 written directive outstanding' : c.emergencyOrder ? '已补发 reissued' : '—',
          ),
          el('td', {}, c.sealed ? '查封扣押中 sealed' : '—'),
          el('td', {}, `${c.nextDue || '—'}${c.overdue ? '（已逾期 overdue）' : ''}`),
        ),
      ),
    ),
  );
}
$('#equipment-filters').addEventListener('submit', loadEquipment);

/** The 指令书 comes with the bearer token: fetched, then offered as a file. */
async function downloadDirectivePdf(caseId, status) {
  const res = await fetch(`/api/directives/${encodeURIComponent(caseId)}/document.pdf`, {
    headers: auth.accessToken ? { authorization: `Bearer ${auth.accessToken}` } : {},
  });
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    status.className = 'error';
    return (status.textContent = `${data.code || res.status}: ${data.message || ''}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: `${caseId}.pdf` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status.className = 'muted';
  status.textContent = '已下载 downloaded';
}

/** On a directive case's page: the button that prints its 指令书. */
function directivePdfButton(caseId) {
  const status = el('span', { class: 'muted' });
  return el(
    'p',
    {},
    el('button', { type: 'button', onclick: () => downloadDirectivePdf(caseId, status) }, '下载指令书 PDF / download the directive'),
    ' ',
    status,
  );
}
