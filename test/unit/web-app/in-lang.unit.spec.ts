import { inLang } from '../../../apps/web-app/src/i18n/in-lang';

/** The API's messages come as "中文 / English"; the web app shows the part in the chosen language. */
describe('a message in the chosen language', () => {
  it('splits at " / "', () => {
    expect(inLang('案件不存在 / no such case', 'zh')).toBe('案件不存在');
    expect(inLang('案件不存在 / no such case', 'en')).toBe('no such case');
  });

  it('splits after a full-width bracket with no space before the slash (a directive reminder)', () => {
    const m = '请于 2026-12-07 前补发书面安全监察指令（《特种设备安全法》第六十二条）/ issue the written directive by 2026-12-07';
    expect(inLang(m, 'zh')).toBe('请于 2026-12-07 前补发书面安全监察指令（《特种设备安全法》第六十二条）');
    expect(inLang(m, 'en')).toBe('issue the written directive by 2026-12-07');
  });

  it('keeps a message with no split whole, and a slash inside a Chinese name', () => {
    expect(inLang('名称/姓名', 'en')).toBe('名称/姓名');
  });
});
