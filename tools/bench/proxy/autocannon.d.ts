declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    '3xx'?: number;
    '4xx'?: number;
    '5xx'?: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: Array<{
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      /** Called before each request is built: may change its path and headers. */
      setupRequest?: (request: { path: string; headers: Record<string, string> }) => {
        path: string;
        headers: Record<string, string>;
      };
    }>;
    pipelining?: number;
    /** Requests per second across all connections (0: as fast as possible). */
    overallRate?: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
