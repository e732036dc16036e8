import { TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';

const CASE_TYPE = defineSearchAttributeKey('CaseType', 'KEYWORD');
const SECTION = defineSearchAttributeKey('Section', 'KEYWORD');
const BUREAU = defineSearchAttributeKey('BureauId', 'KEYWORD');

/** The search attributes every case workflow starts with (registered by infra/up.sh), for Temporal's own lists. */
export function caseSearchAttributes(caseType: string, section: string, bureauId: string): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: CASE_TYPE, value: caseType },
    { key: SECTION, value: section },
    { key: BUREAU, value: bureauId },
  ]);
}
