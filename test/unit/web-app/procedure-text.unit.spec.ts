import { choiceLabel, fieldLabel } from '../../../apps/web-app/src/forms/labels';
import { procedureText } from '../../../apps/web-app/src/i18n/procedure';

/** The case header of the web app (apps/web-app/src/pages/case-page.tsx) shows each process's procedure column in words. */
describe('a case’s procedure in words', () => {
  it.each([
    ['penalty', 'summary', '程序', '简易程序'],
    ['accident', 'special_equipment:general:city_department', '类别', '特种设备事故 · 一般事故 · 市局组织调查，本局参与'],
    ['accident', 'product_quality:ungraded:undecided', '类别', '产品质量事故 · 未定级 · 调查主体待界定'],
    ['directive', 'emergency', '类别', '现场紧急处置'],
    ['directive', 'sealed', '类别', '查封扣押中'],
    ['recall', 'ordered', '类别', '责令召回'],
    ['recall', 'vehicle', '类别', '汽车产品'],
    ['escalation', 'city_bureau', '对象', '市局'],
  ])('%s %s → %s：%s', (caseType, procedure, heading, text) => {
    expect(procedureText(caseType, procedure)).toEqual({
      heading: expect.objectContaining({ zh: heading }) as object,
      text: expect.objectContaining({ zh: text }) as object,
    });
  });

  it('says nothing without one, and shows an unknown value as it is', () => {
    expect(procedureText('recall', null)).toBeNull();
    expect(procedureText('directive', 'something_new')?.text).toEqual({ zh: 'something_new', en: 'something_new' });
  });

  it('names the risk levels and the fields of 风险评估 in Chinese, English from the slug', () => {
    expect(['high', 'medium', 'low'].map((v) => choiceLabel(v).zh)).toEqual(['高风险', '中风险', '低风险']);
    expect(choiceLabel('high').en).toBe('high');
    expect(['assessedOn', 'level', 'basis'].map((f) => fieldLabel(f).zh)).toEqual(['评估日期', '风险等级', '评估依据']);
  });
});
