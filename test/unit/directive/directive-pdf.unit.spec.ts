import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { directiveDocument } from '@qts/domain';
import { findCjkFont } from '../../../apps/api/src/directive/cjk-font';
import { renderDirectivePdf } from '../../../apps/api/src/directive/directive-pdf';
import { DIRECTIVE_CASE_ID, directiveCommand, emergencyCommand, run, stateFrom } from '../../support/directive-fixtures';

/** The PDF's text as a PDF reader extracts it (pdf-parse, in its own process), without whitespace. */
function textOf(pdf: Buffer): string {
  const text = execFileSync(process.execPath, [path.join(__dirname, '../../support/pdf-text.cjs')], { input: pdf, encoding: 'utf8' });
  return text.replace(/\s+/g, '');
}

describe('the printed 指令书 (PDF)', () => {
  const events = run(
    [
      {
        command: {
          ...directiveCommand('2026-03-09', '2026-03-20'),
          service: { method: 'refused_left_on_premises', servedOn: '2026-03-09', refusalNote: '拒绝签收', witnesses: ['居委会李某'] },
        } as ReturnType<typeof directiveCommand>,
        on: '2026-03-09',
      },
    ],
    run([{ command: emergencyCommand('2026-03-02'), on: '2026-03-02' }]),
  );
  const document = directiveDocument(DIRECTIVE_CASE_ID, stateFrom(events), '某区质量技术监督局');

  it('has nothing to print before the written directive is issued', () => {
    expect(directiveDocument(DIRECTIVE_CASE_ID, stateFrom(events.slice(0, 1)), '某区质量技术监督局')).toBeNull();
  });

  it('is found in a CJK font installed by the project setup', () => {
    expect(findCjkFont()).not.toBeNull();
  });

  it('renders a PDF whose text carries every element of the 指令书', async () => {
    const font = findCjkFont();
    if (!document || !font) throw new Error('no document or no font');
    const pdf = await renderDirectivePdf(document, font);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]?/);
    const text = textOf(pdf);
    for (const expected of [
      '特种设备安全监察指令书（补发）',
      '特监指〔2026〕第007号',
      '某物业管理有限公司',
      '3110310105201906001',
      '电梯超期未检验',
      '《特种设备安全法》第四十条、第六十一条',
      '停止使用，申报定期检验',
      '2026-03-20',
      '第二十九条',
      '5,000元以上100,000元以下；情节严重的，罚款100,000元以上200,000元以下',
      '第三十六条：违反本办法第二十九条第一款，拒不执行特种设备安全监察指令的',
      '行政复议',
      'CERT-1',
      'CERT-2',
      '拒绝签字',
      '留置送达',
      '居委会李某',
      '2026-03-0210:30',
      DIRECTIVE_CASE_ID,
      '2026-03-09',
    ])
      expect({ expected, found: text.includes(expected.replace(/\s+/g, '')) }).toEqual({ expected, found: true });
  });
});
