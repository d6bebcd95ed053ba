import { describe, expect, it } from 'vitest';
import { redactCredentials, redactUrl } from './redact.js';

describe('redactUrl', () => {
  it('drops user-info and secret query values of a URL', () => {
    expect(redactUrl('https://pub:priv@cloud.mongodb.com/api?access_token=x&pageNum=2')).toBe(
      'https://cloud.mongodb.com/api?access_token=[REDACTED]&pageNum=2',
    );
  });
});

describe('redactCredentials', () => {
  it.each([
    // commander repeats a refused argument as typed: URLs that do not parse keep their password otherwise
    [
      "error: option '--upstream <url>' argument 'https://bob:s3cret@exa mple.com' is invalid.",
      "error: option '--upstream <url>' argument 'https://bob:***@exa mple.com' is invalid.",
    ],
    ["argument 'redis://:hunter2@host:99999' is invalid", "argument 'redis://:***@host:99999' is invalid"],
    [
      'two: rediss://a:b@x:1 and redis-sentinel://u:p%40ss@s1:26379,s2:26379/mymaster',
      'two: rediss://a:***@x:1 and redis-sentinel://u:***@s1:26379,s2:26379/mymaster',
    ],
    ['https://example.com/a?token=abc&x=1', 'https://example.com/a?token=[REDACTED]&x=1'],
    // malformed forms commander or a config check may repeat as typed
    ["argument 'u:secretpw@h' is invalid", "argument 'u:***@h' is invalid"],
    ["argument '//u:secretpw@h' is invalid", "argument '//u:***@h' is invalid"],
    ["argument 'http://u:secret/pw@h' is invalid", "argument 'http://u:***@h' is invalid"],
    ["argument 'redis://u:secret/pw@h' is invalid", "argument 'redis://u:***@h' is invalid"],
    ["argument 'redis:u:secretpw@h' is invalid", "argument 'redis:***@h' is invalid"],
    ["argument 'redis:/u:secretpw@h' is invalid", "argument 'redis:***@h' is invalid"],
    ['not "mailto:u:secretpw@h"', 'not "mailto:***@h"'],
    ['not "http://u:secret#pw@h"', 'not "http://u:***@h"'],
    ['HTTPS_PROXY=http://u:secretpw@[bad', 'HTTPS_PROXY=http://u:***@[bad'],
    ["error: unknown option '--clientSecret=s3cret'", "error: unknown option '--clientSecret=[REDACTED]'"],
    ['--api-key=abc --privateKey=def -token=x', '--api-key=[REDACTED] --privateKey=[REDACTED] -token=[REDACTED]'],
  ])('%s', (text, expected) => {
    expect(redactCredentials(text)).toBe(expected);
  });

  it('leaves text without credentials as it is', () => {
    for (const text of [
      'https://cloud.mongodb.com/api/atlas/v2',
      'user@example.com',
      'redis://host:6379/0',
      'a: b@c',
      '--groupId=abc',
      '--sort=key',
    ])
      expect(redactCredentials(text)).toBe(text);
  });
});
