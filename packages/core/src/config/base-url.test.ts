import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from './base-url.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://cloud.mongodb.com', 'https://cloud.mongodb.com'],
    ['https://cloud.mongodb.com/', 'https://cloud.mongodb.com'],
    [' http://127.0.0.1:8080// ', 'http://127.0.0.1:8080'],
    ['https://ops.example.com/mms/', 'https://ops.example.com/mms'],
    ['HTTPS://Cloud.MongoDB.com', 'https://cloud.mongodb.com'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeBaseUrl(input, 'flag --baseUrl')).toBe(expected);
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['ftp://cloud.mongodb.com', /http or https/],
    ['https://user:hunter2@cloud.mongodb.com', /credentials/],
    ['https://cloud.mongodb.com/?x=1', /query or fragment/],
  ])('rejects %j naming the source and not echoing the value', (input, message) => {
    expect(() => normalizeBaseUrl(input, 'env MONGODB_ATLAS_OPS_MANAGER_URL')).toThrow(message);
    expect(() => normalizeBaseUrl(input, 'env MONGODB_ATLAS_OPS_MANAGER_URL')).toThrow(/env MONGODB_ATLAS_OPS_MANAGER_URL/);
    try {
      normalizeBaseUrl(input, 'x');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
