// Forms generated from the API's own JSON schemas (the zod schemas that validate the commands), labelled in
// Chinese first. The server still validates everything; the form only spares officers from writing JSON.
'use strict';

const FIELD_ZH = {
  section: '承办科室',
  title: '案由',
  party: '当事人',
  name: '名称/姓名',
  idNumber: '证件号码',
  discoveredOn: '发现日期',
  leadSource: '案源',
  summary: '案源摘要',
  violationDate: '违法行为发生日期',
  decidedOn: '决定日期',
  provisionId: '法律条款编号',
  penalty: '处罚',
  decision: '决定',
  reason: '理由',
  approvedOn: '批准日期',
  collectedOn: '取证日期',
  officerIds: '执法人员账号（两名以上，逗号分隔）',
  handlerIds: '办案人员账号（立案时指定，两名以上，逗号分隔）',
  description: '内容',
  concludedOn: '调查终结日期',
  findings: '调查结论',
  requestedOn: '申请日期',
  completedOn: '审核完成日期',
  opinion: '审核意见',
  comments: '说明',
  servedOn: '送达日期',
  proposedFineFen: '拟罚款',
  proposedMeasures: '拟采取的其他措施（逗号分隔）',
  receivedOn: '收到日期',
  waivesRights: '当事人放弃陈述、申辩权利',
  statement: '陈述申辩内容',
  noticeServedOn: '听证通知送达日期',
  heldOn: '举行日期',
  hostId: '听证主持人账号（非本案调查人员）',
  from: '起始日期',
  on: '日期',
  days: '天数',
  outcome: '结果',
  minutes: '会议纪要',
  fineFen: '罚款',
  goodsValueFen: '货值金额',
  discretion: '裁量档次',
  measures: '其他措施（逗号分隔）',
  ground: '不予处罚理由',
  method: '送达方式',
  paidOn: '缴款日期',
  amountFen: '金额',
  reference: '缴款凭证号',
  channel: '渠道',
  instalments: '分期',
  appliedOn: '申请日期',
  court: '人民法院',
  ruling: '裁定',
  rulingOn: '裁定日期',
  grounds: '涉嫌犯罪的理由',
  kind: '种类',
  until: '截止日期',
  deferredUntil: '暂缓至',
  target: '上报/移送对象',
  subject: '标题',
  legalGround: '法律依据',
  caseSummary: '案情摘要',
  caseId: '关联案件编号',
  caseType: '关联案件类型',
  partyName: '当事人',
  facts: '事实',
  openedOn: '拟稿日期',
  submittedOn: '报送日期',
  acknowledgedOn: '签收日期',
  acknowledgedBy: '签收单位/人',
  forwardedOn: '转报日期',
  forwardedBy: '转报单位/人',
  decidedBy: '决定机关',
  answer: '答复',
  withdrawnOn: '撤回日期',
  resubmittedOn: '重新报送日期',
  intent: '意图',
  amendedFacts: '补充后的事实',
  department: '部门',
  matter: '事项',
};

const ENUM_ZH = {
  ...SECTION_ZH,
  citizen: '公民',
  organisation: '法人或其他组织',
  inspection: '监督检查',
  complaint: '投诉举报',
  hotline_12365: '12365 热线',
  referral: '移送',
  sampling: '抽样检验',
  other: '其他',
  warning: '警告',
  fine: '罚款',
  file: '立案',
  not_file: '不予立案',
  site_inspection: '现场检查',
  interview: '询问',
  records_copy: '复制资料',
  sealing_or_seizure: '查封扣押',
  approved: '同意',
  returned: '退回补充',
  penalty: '给予处罚',
  no_penalty: '不予处罚',
  mitigated: '减轻',
  lighter: '从轻',
  general: '一般',
  heavier: '从重',
  in_person: '直接送达',
  by_post: '邮寄送达',
  by_notice: '公告送达',
  officer: '执法人员收取',
  treasury: '国库',
  facts_not_established: '违法事实不能成立',
  time_barred: '超过追责时效',
  minor_and_corrected: '轻微并及时改正',
  no_fault: '无主观过错',
  party_request: '当事人申请',
  testing: '检验检测',
  city_bureau: '市局',
  province: '省局',
  cnca: '国家认监委',
  police: '公安机关',
  peer_department: '同级部门',
  amend: '补充后重报',
  abandon: '不再报送',
};

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const LONG_TEXT = new Set(['summary', 'description', 'findings', 'comments', 'statement', 'minutes', 'reason', 'grounds', 'facts']);

function labelOf(name) {
  return FIELD_ZH[name] ? `${FIELD_ZH[name]} ${name}` : name;
}

function option(value) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = ENUM_ZH[value] ? `${ENUM_ZH[value]} ${value}` : value;
  return o;
}

function field(name, control, required) {
  const label = document.createElement('label');
  label.className = 'form-field';
  const caption = document.createElement('span');
  caption.textContent = `${labelOf(name)}${required ? ' *' : ''}`;
  label.append(caption, control);
  return label;
}

/** The discriminator of a oneOf: the property whose single enum value differs between the options. */
function discriminatorOf(options) {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((k) => options.every((o) => o.properties?.[k]?.enum?.length === 1));
}

/**
 * A form for one JSON schema. Returns { element, value } where value() builds the body (or throws an Error whose
 * message names the field).
 */
function schemaForm(schema, initial, name = '', required = true, skip = []) {
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  if (schema.oneOf) {
    const key = discriminatorOf(schema.oneOf);
    const select = document.createElement('select');
    for (const o of schema.oneOf) select.append(option(o.properties[key].enum[0]));
    if (initial?.[key]) select.value = initial[key];
    const holder = document.createElement('div');
    holder.className = 'form-group';
    let current;
    const render = () => {
      const chosen = schema.oneOf.find((o) => o.properties[key].enum[0] === select.value);
      current = schemaForm(chosen, initial?.[key] === select.value ? initial : {}, name, required, [key]);
      holder.replaceChildren(current.element);
    };
    select.addEventListener('change', render);
    render();
    const box = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = labelOf(name || key);
    box.append(legend, field(key, select, true), holder);
    return { element: box, value: () => ({ [key]: select.value, ...current.value() }) };
  }
  if (schema.type === 'object' && schema.properties && !schema.nullable) {
    const children = [];
    const box = document.createElement(name ? 'fieldset' : 'div');
    box.className = 'form-group';
    if (name) {
      const legend = document.createElement('legend');
      legend.textContent = labelOf(name);
      box.append(legend);
    }
    for (const [prop, sub] of Object.entries(schema.properties)) {
      if (prop === 'type' || skip.includes(prop) || sub.description?.includes('server')) continue;
      const child = schemaForm(sub, initial?.[prop], prop, (schema.required ?? []).includes(prop));
      children.push([prop, child]);
      box.append(child.element);
    }
    return {
      element: box,
      value: () => {
        const out = {};
        for (const [prop, child] of children) {
          const v = child.value();
          if (v !== undefined) out[prop] = v;
        }
        return out;
      },
    };
  }
  if (schema.type === 'string' && schema.enum) {
    const select = document.createElement('select');
    if (!required) select.append(option(''));
    for (const v of schema.enum) select.append(option(v));
    if (initial !== undefined) select.value = initial;
    return { element: field(name, select, required), value: () => select.value || undefined };
  }
  if (schema.type === 'string') {
    const isDate = schema.pattern === DATE_PATTERN;
    const input = document.createElement(LONG_TEXT.has(name) ? 'textarea' : 'input');
    if (isDate) input.type = 'date';
    if (LONG_TEXT.has(name)) input.rows = 3;
    input.value = initial ?? (isDate && required ? today : '');
    return { element: field(name, input, required), value: () => (input.value === '' && !required ? undefined : input.value) };
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const money = name.endsWith('Fen');
    const input = document.createElement('input');
    input.type = 'number';
    input.step = money ? '0.01' : '1';
    input.min = schema.minimum ?? '';
    if (initial !== undefined) input.value = money ? String(initial / 100) : String(initial);
    const label = field(money ? `${name}` : name, input, required);
    if (money) label.firstChild.textContent += '（元 yuan）';
    return {
      element: label,
      value: () => {
        if (input.value === '') {
          if (required) throw new Error(`${labelOf(name)}：必填 / required`);
          return undefined;
        }
        const n = Number(input.value);
        return money ? Math.round(n * 100) : n;
      },
    };
  }
  if (schema.type === 'boolean') {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = initial === true;
    return { element: field(name, input, false), value: () => input.checked };
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    const input = document.createElement('input');
    input.value = Array.isArray(initial) ? initial.filter(Boolean).join(', ') : '';
    return {
      element: field(name, input, required),
      value: () => {
        const items = input.value
          .split(/[,，、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean);
        return items.length === 0 && !required ? undefined : items;
      },
    };
  }
  // anything else (lists of objects, nullable objects): JSON, as the API documents it
  const area = document.createElement('textarea');
  area.rows = 4;
  area.value = initial === undefined ? '' : JSON.stringify(initial, null, 2);
  return {
    element: field(name, area, required),
    value: () => {
      if (area.value.trim() === '') return undefined;
      try {
        return JSON.parse(area.value);
      } catch (e) {
        throw new Error(`${labelOf(name)}：JSON 格式错误 / invalid JSON: ${e.message}`);
      }
    },
  };
}

/** The request-body schema of each command type of an API route, from the OpenAPI document. */
async function commandSchemas(route) {
  commandSchemas.doc ??= fetch('/api/docs-json').then((r) => r.json());
  const doc = await commandSchemas.doc;
  const body = doc.paths[route]?.post?.requestBody?.content?.['application/json']?.schema ?? {};
  const options = body.oneOf ?? [body];
  return Object.fromEntries(options.filter((o) => o.properties?.type?.enum).map((o) => [o.properties.type.enum[0], o]));
}
