/**
 * Rows as the text of one JSON array, for `json_to_recordset($1::json)`: one text parameter that V8 serialises at
 * once, instead of array parameters node-postgres escapes element by element. PostgreSQL reads every field with
 * the input function of its column's type (a JSON string into text, timestamptz or date; nested JSON into jsonb),
 * so the stored values are the ones the same values as separate parameters give.
 */
export function jsonRows(rows: readonly object[]): string {
  return JSON.stringify(rows);
}

/**
 * Like jsonRows, with one more field per row whose value is JSON text already (raws[i] for rows[i], spliced as it
 * is rather than parsed and serialised again; undefined stands for null).
 */
export function jsonRowsWithRaw(rows: readonly object[], field: string, raws: readonly (string | undefined)[]): string {
  const key = JSON.stringify(field);
  const parts = rows.map((row, i) => {
    const open = JSON.stringify(row).slice(0, -1);
    return `${open}${open.length > 1 ? ',' : ''}${key}:${raws[i] ?? 'null'}}`;
  });
  return `[${parts.join(',')}]`;
}
