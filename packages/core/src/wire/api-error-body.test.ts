import { describe, expect, it } from 'vitest';
import { ApiErrorCheck } from '../schemas/index.js';
import { apiErrorBody, reasonPhrase } from './api-error-body.js';
import { atlasContentType, atlasMediaType } from './media-type.js';

describe('apiErrorBody', () => {
  it('serialises compactly with keys in alphabetical order, as Atlas does', () => {
    const body = apiErrorBody(404, 'GROUP_NOT_FOUND', 'No group with ID 0123456789abcdef01234567 exists.');
    expect(JSON.stringify(body)).toBe(
      '{"detail":"No group with ID 0123456789abcdef01234567 exists.","error":404,"errorCode":"GROUP_NOT_FOUND","parameters":[],"reason":"Not Found"}',
    );
    expect(ApiErrorCheck.Check(body)).toBe(true);
  });

  it('puts field violations first under badRequestDetail and keeps parameters', () => {
    const body = apiErrorBody(400, 'VALIDATION_ERROR', 'Bad itemsPerPage.', {
      fields: [{ field: 'itemsPerPage', description: 'must be at most 500' }],
      parameters: ['itemsPerPage'],
    });
    expect(Object.keys(body)).toEqual(['badRequestDetail', 'detail', 'error', 'errorCode', 'parameters', 'reason']);
    expect(JSON.stringify(body.badRequestDetail)).toBe(
      '{"fields":[{"description":"must be at most 500","field":"itemsPerPage"}]}',
    );
    expect(body.parameters).toEqual(['itemsPerPage']);
  });
});

describe('reasonPhrase', () => {
  it('names known statuses and falls back by class', () => {
    expect(reasonPhrase(429)).toBe('Too Many Requests');
    expect(reasonPhrase(599)).toBe('Internal Server Error');
    expect(reasonPhrase(499)).toBe('Error');
  });
});

describe('media types', () => {
  it('builds the versioned Accept and Content-Type values', () => {
    expect(atlasMediaType()).toBe('application/vnd.atlas.2023-01-01+json');
    expect(atlasContentType('2024-08-05')).toBe('application/vnd.atlas.2024-08-05+json;charset=utf-8');
  });
});
