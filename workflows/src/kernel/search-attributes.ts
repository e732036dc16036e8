import { TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';

/** The custom search attributes of every case workflow (registered by infra/up.sh); the one definition of each key. */
export const CASE_TYPE_SEARCH_ATTRIBUTE = defineSearchAttributeKey('CaseType', 'KEYWORD');
export const SECTION_SEARCH_ATTRIBUTE = defineSearchAttributeKey('Section', 'KEYWORD');
export const BUREAU_SEARCH_ATTRIBUTE = defineSearchAttributeKey('BureauId', 'KEYWORD');

/** What every case workflow starts with, top-level or child: for Temporal's own lists and the calendar rollout. */
export function caseSearchAttributes(caseType: string, section: string, bureauId: string): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: CASE_TYPE_SEARCH_ATTRIBUTE, value: caseType },
    { key: SECTION_SEARCH_ATTRIBUTE, value: section },
    { key: BUREAU_SEARCH_ATTRIBUTE, value: bureauId },
  ]);
}
