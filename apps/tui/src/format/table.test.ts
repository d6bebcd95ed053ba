import { describe, expect, it } from 'vitest';
import { PROJECT_COLUMNS } from './columns.js';
import { cellWidth } from './fit.js';
import { renderTable } from './table.js';

const rows = [
  { id: '0123456789abcdef01234567', name: 'production-eu', clusterCount: 3, orgId: 'f'.repeat(24) },
  { id: '1123456789abcdef01234567', name: 'staging', clusterCount: 12, orgId: 'e'.repeat(24) },
];

describe('renderTable', () => {
  it('writes a header and one line per row', () => {
    const out = renderTable(PROJECT_COLUMNS, rows, { width: 200, now: 0 });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID\s+NAME\s+CLUSTERS\s+CREATED\s+ORG$/);
    expect(lines[1]).toContain('production-eu');
    expect(lines[2]).toMatch(/staging\s+12/);
  });

  it('fits the terminal width', () => {
    const out = renderTable(PROJECT_COLUMNS, rows, { width: 50, now: 0 });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(out).toContain('ID');
  });

  it('measures in terminal cells: a CJK or emoji name does not push later columns right', () => {
    const wide = [
      { id: '0123456789abcdef01234567', name: '東京本番環境', clusterCount: 3, orgId: 'f'.repeat(24) },
      { id: '1123456789abcdef01234567', name: 'prod 🚀', clusterCount: 12, orgId: 'e'.repeat(24) },
      { id: '2123456789abcdef01234567', name: 'staging', clusterCount: 7, orgId: 'd'.repeat(24) },
    ];
    const lines = renderTable(PROJECT_COLUMNS, wide, { width: 200, now: 0 }).trimEnd().split('\n');
    // ORG, the last column, starts at the same cell on every line
    const orgAt = (line: string) => cellWidth(line.slice(0, line.search(/ORG|ffff|eeee|dddd/)));
    expect(new Set(lines.map(orgAt)).size).toBe(1);
    for (const line of renderTable(PROJECT_COLUMNS, wide, { width: 40, now: 0 }).trimEnd().split('\n'))
      expect(cellWidth(line)).toBeLessThanOrEqual(40);
  });

  it('shows a time whole or in a shorter whole form when its column shrinks, never cut (projects at 80 cols)', () => {
    const created = [
      { ...rows[0], created: '2023-04-11T13:14:25Z' },
      { ...rows[1], created: '2023-05-01T08:00:00Z' },
    ] as never[];
    const now = Date.parse('2026-01-10T00:00:00Z');
    for (const width of [80, 70]) {
      const out = renderTable(PROJECT_COLUMNS, created, { width, now });
      expect(out).not.toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d?…|\d{4}-\d\d-\d…|\(2y a…/);
      expect(out).toMatch(/2y ago/);
      for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    }
  });
});
