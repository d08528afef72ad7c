/**
 * Purview's column-level lineage on a Process: the `columnMapping` attribute, a JSON string of
 * `[{"DatasetMapping": {"Source": qualifiedName, "Sink": qualifiedName}, "ColumnMapping": [{"Source": column, "Sink": column}]}]`
 * (FACTS.md §4.4). A `*` Source stands for "many inputs" and names no column to link.
 */

/** One sink column and the source column it is computed from. */
export interface ColumnLink {
  sourceDataset: string;
  sourceColumn: string;
  sinkDataset: string;
  sinkColumn: string;
}

/**
 * The column links of a process's `columnMapping` value; a value that is no such JSON yields a warning.
 *
 * @example
 * parseColumnMapping('[{"DatasetMapping":{"Source":"a","Sink":"b"},"ColumnMapping":[{"Source":"x","Sink":"y"}]}]')
 * // { links: [{ sourceDataset: 'a', sourceColumn: 'x', sinkDataset: 'b', sinkColumn: 'y' }], warnings: [] }
 */
export function parseColumnMapping(value: unknown, process: string): { links: ColumnLink[]; warnings: string[] } {
  if (value === undefined || value === null || value === '') return { links: [], warnings: [] };
  let mappings: unknown;
  try {
    mappings = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    return { links: [], warnings: [`process ${process}: columnMapping is not JSON; its column lineage is left out`] };
  }
  if (!Array.isArray(mappings)) return { links: [], warnings: [`process ${process}: columnMapping is not a list; its column lineage is left out`] };
  const links: ColumnLink[] = [];
  for (const mapping of mappings as { DatasetMapping?: { Source?: string; Sink?: string }; ColumnMapping?: { Source?: string; Sink?: string }[] }[]) {
    const source = mapping?.DatasetMapping?.Source;
    const sink = mapping?.DatasetMapping?.Sink;
    if (typeof sink !== 'string' || typeof source !== 'string' || source === '*') continue;
    for (const column of mapping.ColumnMapping ?? []) {
      if (typeof column?.Source === 'string' && typeof column.Sink === 'string' && column.Source !== '*') {
        links.push({ sourceDataset: source, sourceColumn: column.Source, sinkDataset: sink, sinkColumn: column.Sink });
      }
    }
  }
  return { links, warnings: [] };
}
