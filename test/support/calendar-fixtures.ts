import type { StateCouncilNotice } from '@qts/domain';

/** NOT the real 2027 arrangement: a made-up notice (test fixture) in which Saturday 2027-02-20 is a make-up working day. */
export const NOTICE_2027: StateCouncilNotice = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNo: '（test fixture）',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
    { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
    { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
    { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  workdays: ['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'],
};
