import { describe, expect, it } from 'vitest';
import { createResponseFeed, deprecationLine } from './response-feed.js';

describe('deprecations on the response feed', () => {
  it('one line: the operation and version, and the sunset day when there is one', () => {
    expect(
      deprecationLine({ operationId: 'listGroupClusters', apiVersion: '2023-01-01', sunset: new Date('2027-07-01T00:00:00Z') }),
    ).toBe('Atlas deprecated listGroupClusters (API 2023-01-01); removed 2027-07-01');
    expect(deprecationLine({ operationId: 'listGroups', apiVersion: '2023-01-01' })).toBe(
      'Atlas deprecated listGroups (API 2023-01-01)',
    );
  });

  it('a listener hears deprecations reported before it subscribed, then new ones', () => {
    const feed = createResponseFeed();
    feed.deprecated({ operationId: 'a', apiVersion: '2023-01-01' });
    const heard: string[] = [];
    const stop = feed.subscribeDeprecations((event) => heard.push(event.operationId));
    feed.deprecated({ operationId: 'b', apiVersion: '2023-01-01' });
    stop();
    feed.deprecated({ operationId: 'c', apiVersion: '2023-01-01' });
    expect(heard).toEqual(['a', 'b']);
  });
});
