import { fenOf, inYuan, yuanOf } from '../../../apps/web-app/src/money';

/** The web app shows and takes yuan; the API counts fen. */
describe('money in the web app', () => {
  it('shows fen as yuan exactly, with thousands separated', () => {
    expect([yuanOf(0), yuanOf(5), yuanOf(15050), yuanOf(30_000_000), yuanOf(-120)]).toEqual([
      '0.00',
      '0.05',
      '150.50',
      '300,000.00',
      '-1.20',
    ]);
  });

  it('reads yuan as fen without floating-point error, and refuses what is not an amount', () => {
    expect([fenOf('150.5'), fenOf('0.29'), fenOf('1,234.56'), fenOf('¥ 30000'), fenOf('19.99')]).toEqual([
      15050, 29, 123456, 3_000_000, 1999,
    ]);
    expect([fenOf(''), fenOf('1.234'), fenOf('abc'), fenOf('-5'), fenOf('1,23')]).toEqual([null, null, null, null, null]);
  });

  it('turns the amounts of a refusal that speaks in fen into yuan', () => {
    expect(inYuan('罚款 500000 分不在裁量档次「general」的幅度 3000000–12000000 分内')).toBe(
      '罚款 ¥5,000.00不在裁量档次「general」的幅度 ¥30,000.00–¥120,000.00内',
    );
    expect(inYuan('分期合计 100 分与未缴罚款 200 分不符')).toBe('分期合计 ¥1.00与未缴罚款 ¥2.00不符');
  });
});
