/** Milliseconds with precision that suits their size. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${bytes} B`;
  if (abs < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A ratio as "x2.35". */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `x${value < 10 ? value.toFixed(2) : value.toFixed(1)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A row is a label and cells; a string alone is a heading line. */
export type Row = string | [label: string, ...cells: string[]];

/** Left-aligned labels, right-aligned cells, columns as wide as their widest entry. */
export function renderTable(rows: Row[]): string {
  const data = rows.filter((r): r is [string, ...string[]] => typeof r !== 'string');
  const columns = Math.max(0, ...data.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...data.map((r) => (r[c] ?? '').length)),
  );
  return rows
    .map((row) =>
      typeof row === 'string'
        ? row
        : row
            .map((cell, c) => (c === 0 ? `  ${cell.padEnd(widths[0]!)}` : cell.padStart(widths[c]! + 2)))
            .join(''),
    )
    .join('\n');
}
