import type { QueryResult, QueryResultRow } from 'pg';

/** A pg Pool or PoolClient: anything that runs a parameterised query. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
