const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names end up in SQL text, so only plain lower-case identifiers are accepted. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new RangeError(`invalid read-model schema name "${schema}": expected a lower-case SQL identifier`);
  return schema;
}

export interface Tables {
  schema: string;
  cases: string;
  timeline: string;
  openDeadlines: string;
  notices: string;
  projectorOffsets: string;
  damagedCases: string;
  deskCounts: string;
  deskOpened: string;
}

/** A quoted, schema-qualified table name. */
export function qualified(schema: string, table: string): string {
  return `"${assertSchemaName(schema)}"."${table}"`;
}

/** Quoted, schema-qualified table names of one read model. */
export function tablesOf(schema: string): Tables {
  const q = (table: string) => qualified(schema, table);
  return {
    schema: `"${assertSchemaName(schema)}"`,
    cases: q('cases'),
    timeline: q('timeline'),
    openDeadlines: q('open_deadlines'),
    notices: q('notices'),
    projectorOffsets: q('projector_offsets'),
    damagedCases: q('damaged_cases'),
    deskCounts: q('desk_counts'),
    deskOpened: q('desk_opened'),
  };
}

/** The tables that hold projected data (the migrations table is bookkeeping). */
export const DATA_TABLES = ['cases', 'timeline', 'open_deadlines', 'notices', 'projector_offsets'] as const;
export type DataTable = (typeof DATA_TABLES)[number];
