export { pagesFromEnd, readLastPage, type FromEndOptions } from './from-end.js';
export { paginate } from './paginate.js';
export type {
  ListFn,
  NumberedPage,
  PageRequest,
  PaginateOptions,
  PaginationProgress,
  PaginationReport,
  Paginator,
} from './types.js';
