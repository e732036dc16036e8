import type { CaseProjection } from '@qts/domain';

export interface CounterState {
  stage: string;
  section: string;
  title: string;
  partyName: string;
  ticks: number;
  notices: number;
  deadlines: Record<string, { kind: string; due: string; labelZh: string; labelEn: string; legalSource: string; provisional: boolean }>;
}

export declare const COUNTER_CASE_TYPE: 'test-counter';
export declare const counterProjection: CaseProjection<CounterState>;
export declare const projections: CaseProjection<CounterState>[];
