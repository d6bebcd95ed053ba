import type { RouteName } from './route-names.js';

/** What an injected fault does to a request. */
export type FaultKind = 'error' | 'rateLimit' | 'malformed' | 'truncate' | 'drop' | 'slowBody';

/** One injected fault, applied to the next `times` matching requests. */
export interface FaultRule {
  readonly kind: FaultKind;
  /** How many matching requests it affects. Default 1. */
  readonly times?: number;
  /** Only requests to these routes (operationIds). Default: every API route. */
  readonly route?: RouteName | readonly RouteName[];
  /** For `error`: the HTTP status (default 500) and optional `errorCode`/`detail`. */
  readonly status?: number;
  readonly errorCode?: string;
  readonly detail?: string;
  /** For `rateLimit` (and `error` with 429/503): the `Retry-After` in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /** For `slowBody`: delay between body chunks (ms, default 50) and number of chunks (default 4). */
  readonly chunkDelayMs?: number;
  readonly chunks?: number;
}

/** Latency in ms: one value for every route, or per route (`'*'` for the rest). */
export type LatencySetting = number | Partial<Record<RouteName | '*', number>>;

type Options = Omit<FaultRule, 'kind' | 'times'>;

/** Runtime fault injection on a fake Atlas (`fake.faults`). */
export interface FaultController {
  /** Fail the next `times` requests with `status` (default 500) as an Atlas error. */
  failNext(times?: number, options?: Options): void;
  /** Answer the next `times` requests with 429 RATE_LIMITED (a burst). */
  rateLimitNext(times?: number, options?: Options): void;
  /** 200 with a body that is not JSON. */
  malformedNext(times?: number, options?: Options): void;
  /** 200 whose body stops half way (the connection errors). */
  truncateNext(times?: number, options?: Options): void;
  /** Drop the connection without an answer (in-process fetch rejects with `TypeError: fetch failed`). */
  dropNext(times?: number, options?: Options): void;
  /** 200 whose body arrives in chunks with a delay between them. */
  slowBodyNext(times?: number, options?: Options): void;
  /** Adds a rule. */
  add(rule: FaultRule): void;
  /** Sets latency for every route or per route; 0 removes it. */
  setLatency(latency: LatencySetting): void;
  latencyFor(route: RouteName): number;
  /** Removes every pending rule and the latency. */
  clear(): void;
  /** The rules still pending, with their remaining counts. */
  pending(): ReadonlyArray<FaultRule & { readonly times: number }>;
  /** The first rule that matches `route`, without consuming it. */
  peek(route: RouteName): FaultRule | undefined;
  /** Takes (consumes) the first rule that matches `route`. */
  take(route: RouteName): FaultRule | undefined;
}

function firstMatch(rules: readonly FaultRule[], route: RouteName): number {
  return rules.findIndex((rule) => {
    if (rule.route === undefined) return route !== 'oauthToken' && route !== 'oauthRevoke';
    return typeof rule.route === 'string' ? rule.route === route : rule.route.includes(route);
  });
}

/**
 * Creates the fault controller. Rules apply in the order added; each consumes one of its `times`.
 * Body faults (`malformed`, `truncate`, `slowBody`) are spent only on a request that passed the
 * rate limit and auth, so a Digest challenge or a 429 before it does not use them up.
 *
 * @example
 * fake.faults.failNext(2, { status: 503 });
 * fake.faults.setLatency({ listGroupClusterBackupCheckpoints: 200 });
 */
export function createFaultController(initial: readonly FaultRule[] = [], latency: LatencySetting = 0): FaultController {
  let rules: Array<FaultRule & { times: number }> = [];
  let current: LatencySetting = latency;
  const controller: FaultController = {
    add(rule) {
      const times = rule.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError(`fault times must be a positive integer, got ${String(rule.times)}`);
      rules.push({ ...rule, times });
    },
    failNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'error', times }),
    rateLimitNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'rateLimit', times }),
    malformedNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'malformed', times }),
    truncateNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'truncate', times }),
    dropNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'drop', times }),
    slowBodyNext: (times = 1, options = {}) => controller.add({ ...options, kind: 'slowBody', times }),
    setLatency(value) {
      current = value;
    },
    latencyFor(route) {
      if (typeof current === 'number') return current;
      return current[route] ?? current['*'] ?? 0;
    },
    clear() {
      rules = [];
      current = 0;
    },
    pending: () => rules.map((rule) => ({ ...rule })),
    peek(route) {
      const rule = rules[firstMatch(rules, route)];
      return rule ? { ...rule } : undefined;
    },
    take(route) {
      const index = firstMatch(rules, route);
      if (index < 0) return undefined;
      const rule = rules[index] as FaultRule & { times: number };
      rule.times -= 1;
      if (rule.times <= 0) rules.splice(index, 1);
      return rule;
    },
  };
  for (const rule of initial) controller.add(rule);
  return controller;
}
