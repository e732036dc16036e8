import type { ReadModelComparison } from '@qts/read-model';
import type { ReplaySummary } from './replay';

export function formatReplay(s: ReplaySummary): string[] {
  const lines = [
    `rebuilt schema "${s.schema}" from ${s.topic} in ${(s.durationMs / 1000).toFixed(1)} s: ${s.applied} events applied, ${s.duplicates} duplicates skipped, ${s.refused.length} refused`,
  ];
  for (const r of s.refused.slice(0, 10)) lines.push(`  refused ${s.topic}[${r.partition}]@${r.offset}: ${r.reason}`);
  if (s.refused.length > 10) lines.push(`  ... and ${s.refused.length - 10} more`);
  return lines;
}

export function formatComparison(live: string, rebuilt: string, c: ReadModelComparison): string[] {
  if (c.equal) return [`compare "${live}" with "${rebuilt}": equal`];
  const lines = [`compare "${live}" (A) with "${rebuilt}" (B): DIFFERENT in ${c.differences.map((d) => d.table).join(', ')}`];
  for (const d of c.differences) {
    lines.push(`  ${d.table}: ${d.rowsA} rows in A, ${d.rowsB} in B; ${d.onlyInACount} only in A, ${d.onlyInBCount} only in B`);
    for (const row of d.onlyInA) lines.push(`    only in A: ${JSON.stringify(row)}`);
    for (const row of d.onlyInB) lines.push(`    only in B: ${JSON.stringify(row)}`);
  }
  if (c.differences.some((d) => d.table === 'projector_offsets')) {
    lines.push(
      '  (the positions differ: the live projector has read more or less of the topic than the rebuild; compare again when the stream is quiet)',
    );
  }
  return lines;
}
