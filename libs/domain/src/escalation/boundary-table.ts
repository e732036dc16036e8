/**
 * 与相关部门的职责边界登记表: the seed's boundary table (domain.md §4) as data. Each matter lists the departments
 * that share it, each with its share in the seed's words, and the keywords by which a finding is matched to it.
 */
export const BOUNDARY_DEPARTMENTS = {
  quality_supervision: '质监局',
  work_safety: '安监局',
  public_security: '公安局',
  environmental_protection: '环保局',
  health_family_planning: '卫计局',
  industry_commerce_food_drug: '工商和食品药品监督管理局',
  transport: '交通局',
  forestry: '林业局',
  agriculture_husbandry: '农牧局',
  industry_information: '工信局',
  urban_management: '城管局',
  township_government: '各乡镇政府',
  fire_brigade: '消防大队',
  traffic_police: '交警队',
  price: '物价局',
} as const;
export type BoundaryDepartmentKey = keyof typeof BOUNDARY_DEPARTMENTS;
/** The bureau itself: its own share is kept, not transferred. */
export const OWN_DEPARTMENT: BoundaryDepartmentKey = 'quality_supervision';

export const BOUNDARY_MATTERS = [
  'hazardous_chemicals',
  'fireworks',
  'food_related_products',
  'fire_products',
  'vehicle_overloading',
  'farm_machinery_three_guarantees',
] as const;
export type BoundaryMatter = (typeof BOUNDARY_MATTERS)[number];

export interface DepartmentShare {
  department: BoundaryDepartmentKey;
  /** the share as the seed words it */
  shareZh: string;
  /** a finding mentioning any of these belongs (at least partly) to this department */
  keywords: readonly string[];
}

export interface BoundaryRow {
  matter: BoundaryMatter;
  matterZh: string;
  basis: string;
  shares: readonly DepartmentShare[];
}

export const BOUNDARY_TABLE: Record<BoundaryMatter, BoundaryRow> = {
  hazardous_chemicals: {
    matter: 'hazardous_chemicals',
    matterZh: '危险化学品安全管理',
    basis: '《危险化学品安全管理条例》（国务院令第591号）；《剧毒化学品购买和公路运输许可证件管理办法》（公安部第77号）',
    shares: [
      {
        department: 'work_safety',
        shareZh: '负责危险化学品安全监督管理综合工作；核发危险化学品经营许可证。',
        keywords: ['经营许可', '安全生产', '安全生产许可', '综合监管'],
      },
      {
        department: 'public_security',
        shareZh:
          '负责危险化学品的公共安全管理，核发剧毒化学品购买许可证、剧毒化学品道路运输通行证，并负责危险化学品运输车辆道路交通安全管理。',
        keywords: ['购买许可', '通行证', '公共安全', '治安', '道路交通安全'],
      },
      {
        department: 'environmental_protection',
        shareZh: '负责废弃危险化学品处置的监督管理；负责调查重大危险化学品污染事故和生态破坏事故。',
        keywords: ['废弃', '处置', '污染', '生态', '环境'],
      },
      {
        department: 'quality_supervision',
        shareZh:
          '负责实施危险化学品及其包装物、容器（不包括储存危险化学品的固定式大型储罐）生产企业的工业产品生产许可证制度，并依法对其产品质量实施监督',
        keywords: ['生产许可', '包装物', '容器', '槽罐', '产品质量'],
      },
      {
        department: 'health_family_planning',
        shareZh: '负责组织、协调危险化学品事故受伤人员的医疗卫生救援工作。',
        keywords: ['中毒', '受伤', '救援', '医疗'],
      },
      {
        department: 'industry_commerce_food_drug',
        shareZh:
          '依据有关部门的许可证件，核发危险化学品生产、储存、经营、运输企业营业执照，查处危险化学品经营企业违法采购危险化学品的行为。',
        keywords: ['营业执照', '违法采购', '采购'],
      },
      {
        department: 'transport',
        shareZh: '负责危险化学品道路运输企业、运输车辆及驾驶人员、装卸管理人员、押运人员的日常监管。',
        keywords: ['运输企业', '运输车辆', '驾驶人员', '押运', '装卸', '资质'],
      },
    ],
  },
  fireworks: {
    matter: 'fireworks',
    matterZh: '烟花爆竹监管',
    basis: '《烟花爆竹安全管理条例》（国务院令第455号）；《烟花爆竹经营许可实施办法》（国家安监总局令第7号）',
    shares: [
      {
        department: 'work_safety',
        shareZh: '负责烟花爆竹的安全生产监督管理；核发烟花爆竹经营（零售）许可证',
        keywords: ['安全生产', '经营许可', '零售', '非法经营', '非法储存'],
      },
      { department: 'public_security', shareZh: '负责烟花爆竹的公共安全管理。', keywords: ['公共安全', '非法运输', '治安', '拘留'] },
      { department: 'quality_supervision', shareZh: '负责烟花爆竹的质量监督检查。', keywords: ['质量', '产品标识', '等级标识', '不合格'] },
      {
        department: 'industry_commerce_food_drug',
        shareZh: '负责流通环节烟花爆竹的质量监督，依法核发营业执照。',
        keywords: ['流通', '销售', '营业执照'],
      },
    ],
  },
  food_related_products: {
    matter: 'food_related_products',
    matterZh: '食品相关产品安全监督管理',
    basis: '《中华人民共和国食品安全法》；《关于进一步加强食品安全监督管理工作的意见》；冀政办〔2010〕26号',
    shares: [
      {
        department: 'industry_commerce_food_drug',
        shareZh: '负责实施食品生产、流通环节的行政许可，监督管理流通环节食品安全；负责食品安全统一监督管理',
        keywords: ['食品生产', '保健食品', '变质', '霉变', '流通环节', '食品安全'],
      },
      {
        department: 'quality_supervision',
        shareZh: '负责对食品相关产品生产加工的监督管理',
        keywords: ['包装物', '包装材料', '容器', '食品相关产品', '餐具', '生产加工'],
      },
      {
        department: 'forestry',
        shareZh: '负责经济林产品从种植环节到进入批发、零售市场或生产加工企业前的质量安全监督管理。',
        keywords: ['经济林', '林产品'],
      },
      {
        department: 'agriculture_husbandry',
        shareZh:
          '负责食品环节中食用农产品、初级水产品从种植养殖环节到进入批发、零售市场或生产加工企业前的质量安全监督管理，负责兽药、饲料、饲料添加剂和职责范围内的农药、肥料等其他农业投入品质量及使用的监督管理。',
        keywords: ['农产品', '水产品', '种植', '养殖', '兽药', '饲料', '农药', '肥料'],
      },
      { department: 'health_family_planning', shareZh: '负责食品安全标准、风险评估等相关工作。', keywords: ['食品安全标准', '风险评估'] },
      { department: 'industry_information', shareZh: '全区食品添加剂工业企业监管', keywords: ['食品添加剂', '添加剂'] },
      { department: 'public_security', shareZh: '负责组织和指导食品药品等领域犯罪案件侦查工作。', keywords: ['犯罪', '刑事'] },
      { department: 'urban_management', shareZh: '负责对餐饮小摊食品安全监管及区域规划。', keywords: ['小摊', '摊贩', '餐饮摊点'] },
      { department: 'township_government', shareZh: '负责农村自办宴席食品安全监管工作。', keywords: ['宴席', '农村自办'] },
    ],
  },
  fire_products: {
    matter: 'fire_products',
    matterZh: '消防产品监管',
    basis: '《中华人民共和国消防法》；《中华人民共和国产品质量法》；《中华人民共和国认证认可条例》；《消防产品监督管理规定》',
    shares: [
      {
        department: 'fire_brigade',
        shareZh: '负责使用领域消防产品的监督检查，依法查处使用不合格消防产品违法行为，并责令更换不合格产品。',
        keywords: ['使用领域', '使用单位', '更换', '在用'],
      },
      {
        department: 'quality_supervision',
        shareZh:
          '负责生产领域消防产品的监督检查，并对产品强制性认证市场准入资格、工厂生产条件和质量体系运行情况进行检查，对质量违法行为进行查处。同时，督促产品质量不稳定企业完善质量保证体系、提升产品质量。',
        keywords: ['生产领域', '生产企业', '强制性认证', '3C', '工厂', '质量体系', '企业标准'],
      },
      {
        department: 'industry_commerce_food_drug',
        shareZh:
          '负责流通领域消防产品的监督检查，对无照经营和销售不合格的消防产品或者国家明令淘汰的消防产品依法进行查处，假冒他人的注册商标、仿冒知名商品特有的名称、包装、装潢，擅自使用他人企业名称等违法行为依法查处。',
        keywords: ['流通领域', '销售', '无照经营', '商标', '仿冒', '淘汰'],
      },
      {
        department: 'public_security',
        shareZh:
          '公安经侦、治安部门负责追查检查中发现制售假冒伪劣消防产品犯罪的线索，依法查办违法犯罪案件，依法严惩不法分子，负责追查产供销假冒伪劣消防产品犯罪链条，坚决清剿制假售假窝点。',
        keywords: ['犯罪', '窝点', '制假售假', '产供销'],
      },
    ],
  },
  vehicle_overloading: {
    matter: 'vehicle_overloading',
    matterZh: '车辆超限超载治理',
    basis: '《中华人民共和国公路法》；《中华人民共和国道路交通安全法》及其实施条例；交公路发〔2007〕596号',
    shares: [
      {
        department: 'transport',
        shareZh:
          '组织路政等公路交通行政执法人员开展路面执法，查处违法超限运输车辆；派驻运管人员深入货站、配载场及大型工程建材、大型化工产品等货物集散地，在源头进行运输装载行为监管和检查，防止车辆超限超载；负责治超检测站点及治超信息管理系统的建设和运行管理工作；建立货运企业及从业人员信息系统及信誉档案，登记、抄告超限超载运输车辆和企业等信息，并结合道路运输企业质量信誉考核制度，进行源头处罚；调整运力结构，采取措施鼓励道路货物运输实行集约化、网络化经营，鼓励采用集装箱、封闭厢式货车和多轴重型车运输；将路面执法中发现的非法改装、拼装车辆通报有关部门,配合有关部门开展非法改装、拼装车辆查处工作。',
        keywords: ['超限运输', '路政', '装载', '检测站'],
      },
      {
        department: 'traffic_police',
        shareZh:
          '加强车辆登记管理，禁止非法和违规车辆登记使用；配合维护治超检测站点的交通及治安秩序；组织交警开展路面执法，依法查处超载等交通违法行为；依法查处阻碍执行职务等违法犯罪行为。',
        keywords: ['车辆登记', '超载', '交通违法', '阻碍执行职务', '殴打'],
      },
      {
        department: 'industry_information',
        shareZh: '加强车辆生产企业及产品公告管理，监督、检查汽车生产企业及产品，查处违规汽车生产企业及产品；',
        keywords: ['产品公告', '汽车生产企业', '违规生产'],
      },
      {
        department: 'price',
        shareZh: '指导和监督超限超载治理相关收费政策的执行，制定超限超载车辆卸载、货物保管、停车管理等收费标准。',
        keywords: ['收费', '卸载费', '停车费'],
      },
      {
        department: 'industry_commerce_food_drug',
        shareZh: '查处非法拼装、改装汽车及非法买卖拼装、改装汽车行为，依法取缔非法拼装、改装汽车企业。',
        keywords: ['非法改装', '非法拼装', '买卖'],
      },
      {
        department: 'quality_supervision',
        shareZh:
          '对治超工作所需的检测设备依法实施计量检定；定期公布经整治验收合格的承压类汽车罐车充装站单位名单；实施缺陷汽车召回制度；检查从事改装、拼装车辆生产企业的生产场所及标准执行情况，杜绝无标生产行为；实施车辆强制性产品认证制度，查处不符合认证要求的汽车生产企业及产品。',
        keywords: ['计量检定', '称重', '检测设备', '罐车', '充装站', '召回', '缺陷', '强制性产品认证', '标准执行'],
      },
      {
        department: 'work_safety',
        shareZh:
          '加强危险化学品充装单位的安全监管，严禁超载、混装；选择主要公路沿线的大中型化工企业作为危险化学品的超载车辆卸载基地；会同有关部门，对因超限超载发生的特别重大的伤亡事故进行调查处理，依法追究相关单位和人员的责任。',
        keywords: ['危险化学品充装', '混装', '剧毒', '伤亡事故'],
      },
    ],
  },
  farm_machinery_three_guarantees: {
    matter: 'farm_machinery_three_guarantees',
    matterZh: '农机产品“三包”有关质量问题监管',
    basis: '《农业机械产品修理、更换、退货责任规定》',
    shares: [
      {
        department: 'agriculture_husbandry',
        shareZh: '维修者未按照规定履行三包义务的，由农业机械化主管部门依法予以处理',
        keywords: ['维修者', '维修店', '修理者', '维修'],
      },
      {
        department: 'quality_supervision',
        shareZh: '生产者未按照规定履行明示义务的，或通过明示内容有意规避责任的，由产品质量监督部门依法予以处理',
        keywords: ['生产者', '生产厂家', '明示', '配件不合格'],
      },
      {
        department: 'industry_commerce_food_drug',
        shareZh: '销售者未按照规定履行三包义务的，由工商行政管理部门依法予以处理。',
        keywords: ['销售者', '经销商', '销售'],
      },
    ],
  },
};

export interface OwningDepartmentProposal {
  department: BoundaryDepartmentKey;
  departmentZh: string;
  shareZh: string;
  matchedKeywords: string[];
  /** the bureau's own share: keep it, do not transfer it */
  ownShare: boolean;
}

/**
 * Propose which department(s) own a finding under `matter`, for an officer to confirm; nothing is transferred by it.
 * Matching: a department is proposed when the finding's text contains one of its keywords (plain substring match on
 * the Chinese text, the way the seed's worked cases split a joint incident); proposals are ranked by how many of
 * its keywords matched, ties in table order. No match gives an empty list: the officer chooses from the row.
 * `finding.categories` may name departments directly (an officer's own tagging), which counts as a match.
 */
export function proposeOwningDepartments(
  matter: BoundaryMatter,
  finding: string | { text: string; categories?: readonly BoundaryDepartmentKey[] },
): OwningDepartmentProposal[] {
  const text = typeof finding === 'string' ? finding : finding.text;
  const tagged = new Set(typeof finding === 'string' ? [] : (finding.categories ?? []));
  const row = BOUNDARY_TABLE[matter];
  return row.shares
    .map((share, index) => {
      const matchedKeywords = share.keywords.filter((k) => text.includes(k));
      const score = matchedKeywords.length + (tagged.has(share.department) ? 1 : 0);
      return { share, index, matchedKeywords, score };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => ({
      department: m.share.department,
      departmentZh: BOUNDARY_DEPARTMENTS[m.share.department],
      shareZh: m.share.shareZh,
      matchedKeywords: m.matchedKeywords,
      ownShare: m.share.department === OWN_DEPARTMENT,
    }));
}
