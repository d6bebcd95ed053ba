import type { NumberedPage, PaginationProgress, PaginationReport } from './types.js';

/** De-duplicates items by `id` across pages and keeps the drift report and progress. */
export interface PageTracker<T> {
  readonly report: PaginationReport;
  /** Records a fetched page and returns it without the items already seen. */
  accept(page: NumberedPage<T>): NumberedPage<T>;
}

function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Creates a tracker for one walk. */
export function createPageTracker<T>(onProgress?: (progress: PaginationProgress) => void): PageTracker<T> {
  const seen = new Set<string>();
  const report: PaginationReport = {
    pagesFetched: 0,
    itemsYielded: 0,
    duplicatesDropped: 0,
    totalCountChanged: false,
    totalCountLow: false,
  };
  let loaded = 0;
  return {
    report,
    accept(page) {
      report.pagesFetched += 1;
      if (typeof page.totalCount === 'number') {
        if (report.initialTotal === undefined) report.initialTotal = page.totalCount;
        else if (page.totalCount !== report.finalTotal) report.totalCountChanged = true;
        report.finalTotal = page.totalCount;
      }
      const results = page.results.filter((item) => {
        const id = idOf(item);
        if (id === undefined) return true;
        if (seen.has(id)) {
          report.duplicatesDropped += 1;
          return false;
        }
        seen.add(id);
        return true;
      });
      loaded += results.length;
      onProgress?.({ loaded, total: report.finalTotal });
      return { ...page, results };
    },
  };
}
