import type { DeprecationNotice } from '@atlas-checkpoints/core';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The one line a deprecation notice prints: `Atlas deprecated <operationId> (API <version>)[; removed <sunset>]`.
 *
 * @example
 * deprecationLine({ operationId: 'listGroupClusters', apiVersion: '2023-01-01', sunset: new Date('2027-07-01'), … })
 * // 'Atlas deprecated listGroupClusters (API 2023-01-01); removed 2027-07-01'
 */
export function deprecationLine(notice: Pick<DeprecationNotice, 'operationId' | 'apiVersion' | 'sunset'>): string {
  const sunset = notice.sunset !== undefined && !Number.isNaN(notice.sunset.getTime()) ? `; removed ${day(notice.sunset)}` : '';
  return `Atlas deprecated ${notice.operationId} (API ${notice.apiVersion})${sunset}`;
}
