import { newUserSchema } from '@qts/identity';
import { stateCouncilNoticeSchema } from '@qts/domain';
import { paymentMessageSchema } from '../../../apps/api/src/inbound/payment-message';
import { escalationResponseMessageSchema } from '../../../apps/api/src/escalation/escalation-response-message';

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('\n');

/** Messages from other systems and the API's other bodies refuse what a record cannot hold, naming the field. */
describe('inbound messages and account bodies', () => {
  const payment = { caseId: 'PEN-20270104-0000abcd', paidOn: '2027-01-04', amountFen: 100, reference: 'T-1' };

  it('a treasury payment with a NUL in its reference, an unknown field or an oversized payer is refused by field', () => {
    expect(paymentMessageSchema.safeParse(payment).success).toBe(true);
    expect(issuesOf(paymentMessageSchema.safeParse({ ...payment, reference: 'T\u0000-1' }))).toMatch(/^reference: .*U\+0000/);
    expect(issuesOf(paymentMessageSchema.safeParse({ ...payment, discount: 1 }))).toContain('discount');
    expect(issuesOf(paymentMessageSchema.safeParse({ ...payment, payer: '厂'.repeat(201) }))).toMatch(/^payer:/);
  });

  it('an authority answer with a NUL in who answers is refused (it would become the actor of an event)', () => {
    const answer = {
      version: 1,
      escalationId: 'ESC-1',
      from: '市局\u0000',
      response: { type: 'RecordAcknowledgement', acknowledgedOn: '2027-01-04', acknowledgedBy: '市局' },
    };
    expect(issuesOf(escalationResponseMessageSchema.safeParse(answer))).toMatch(/^from: .*U\+0000/);
  });

  it('account and holiday-notice bodies refuse unknown properties and unstorable text', () => {
    const user = { id: 'officer-new', name: '新人\u0007', roles: ['officer'], section: 'quality', password: 'a-long-password-123' };
    expect(issuesOf(newUserSchema.safeParse(user))).toMatch(/^name: .*U\+0007/);
    expect(issuesOf(newUserSchema.safeParse({ ...user, name: '新人', isAdmin: true }))).toContain('isAdmin');
    const notice = {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
      workdays: [],
      extra: 1,
    };
    expect(issuesOf(stateCouncilNoticeSchema.safeParse(notice))).toContain('extra');
  });
});
