import type { DirectiveFineRange } from '../policy/directive-rules';
import type { Equipment } from './equipment';
import type { DirectiveState } from './state';

/** 设备类别 as printed. */
export const EQUIPMENT_TYPE_NAMES: Record<Equipment['type'], string> = {
  boiler: '锅炉',
  pressure_vessel: '压力容器',
  pressure_piping: '压力管道',
  elevator: '电梯',
  crane: '起重机械',
  passenger_ropeway: '客运索道',
  amusement_ride: '大型游乐设施',
  field_vehicle: '场（厂）内专用机动车辆',
};

/** One printed section of the 指令书: a heading and its lines. */
export interface DocumentSection {
  heading: string;
  lines: string[];
}

/** The 特种设备安全监察指令书 as text: what the printed document says, in order; the renderer only lays it out. */
export interface DirectiveDocument {
  title: string;
  number: string;
  sections: DocumentSection[];
}

const APPEAL =
  '如不服本指令，可以自收到本指令书之日起六十日内依法申请行政复议（《行政复议法》第二十条），或者自知道作出本指令之日起六个月内依法向人民法院提起行政诉讼（《行政诉讼法》第四十六条）。复议、诉讼期间，本指令不停止执行。';

function shanghaiClock(instant: string): string {
  const t = Date.parse(instant) + 8 * 3_600_000;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

const yuan = (n: number): string => n.toLocaleString('zh-CN');

/** 罚款 a–b 元, and the serious range where the law sets one. */
function fineText(f: DirectiveFineRange): string {
  const base = `罚款 ${yuan(f.minYuan)} 元以上 ${yuan(f.maxYuan)} 元以下`;
  return f.serious ? `${base}；情节严重的，罚款 ${yuan(f.serious.minYuan)} 元以上 ${yuan(f.serious.maxYuan)} 元以下` : base;
}

/** The document of a case whose written directive was issued; null before that (nothing to print). */
export function directiveDocument(caseId: string, state: DirectiveState, bureauNameZh: string): DirectiveDocument | null {
  const d = state.directive;
  const e = state.equipment;
  if (!d || !e || !state.rules) return null;
  const order = state.emergencyOrder;
  const fine = state.rules.refusalFine;
  const sign = state.unitSignature;
  const service =
    d.service.method === 'direct'
      ? [`送达方式：直接送达`, `签收人：${d.service.receivedBy ?? ''}`, `送达日期：${d.service.servedOn}`]
      : [
          `送达方式：留置送达（被检查单位拒绝签收）`,
          `拒收情况：${d.service.refusalNote ?? ''}`,
          `见证人：${(d.service.witnesses ?? []).join('、')}`,
          `送达日期：${d.service.servedOn}`,
        ];
  const sections: DocumentSection[] = [
    {
      heading: '被检查单位',
      lines: [
        `单位名称：${e.userUnit.name}`,
        ...(e.userUnit.creditCode ? [`统一社会信用代码：${e.userUnit.creditCode}`] : []),
        `设备注册代码：${e.registrationCode}`,
        `设备类别：${EQUIPMENT_TYPE_NAMES[e.type]}`,
        `设备地点：${e.location}`,
      ],
    },
    { heading: '检查发现的问题（事实）', lines: [state.findings, ...d.items.map((i, n) => `${n + 1}. ${i.problem}`)] },
    { heading: '依据', lines: [d.legalBasis] },
    { heading: '责令采取的措施', lines: d.items.map((i, n) => `${n + 1}. ${i.measure}`) },
    {
      heading: '整改期限及反馈',
      lines: [
        `请于 ${d.rectifyBy} 前完成整改，并将整改情况书面报告本局。`,
        `本局自收到整改报告之日起十个工作日内进行复查（《特种设备安全监督检查办法》第二十九条）。`,
      ],
    },
    {
      heading: '拒不执行的后果',
      lines: [`拒不执行本指令的，将依法予以处罚：${fineText(fine.value)}（${fine.source}）。`],
    },
    { heading: '救济途径', lines: [APPEAL] },
    {
      heading: '特种设备安全监察人员',
      lines: state.inspectors.map((i) => `${i.name || i.officerId}  执法证号：${i.certificateNo}`),
    },
    {
      heading: '被检查单位签字',
      lines: [
        sign?.signed
          ? `负责人签字：${sign.signedBy ?? ''}`
          : `拒绝签字，已记录在案（《特种设备安全法》第六十六条；《特种设备安全监督检查办法》第二十七条）：${sign?.refusalNote ?? ''}`,
      ],
    },
    { heading: '送达记录', lines: service },
  ];
  if (order)
    sections.push({
      heading: '现场紧急处置记录（随后补发）',
      lines: [
        `本指令系对 ${shanghaiClock(order.orderedAt)} 在 ${order.place} 现场采取的紧急处置措施的随后补发（《特种设备安全法》第六十二条）。`,
        `现场措施：${order.measures}`,
        `紧急处置记录：案件 ${caseId}`,
      ],
    });
  sections.push({ heading: '日期', lines: [`${bureauNameZh}（印章）`, `${d.issuedOn}`] });
  return { title: order ? '特种设备安全监察指令书（补发）' : '特种设备安全监察指令书', number: d.directiveNo, sections };
}
