/**
 * @atlas-checkpoints/tui: the `atlas-checkpoints` terminal browser and script commands. The bin is
 * the product; these exports let other tools embed the browser or run the CLI in-process.
 */
export { run } from './cli/run.js';
export { processIo } from './cli/io.js';
export type { CliIo, OutStream } from './cli/io.js';
export { createProgram } from './cli/program.js';
export type { Handlers } from './cli/program.js';
export { EXIT, exitCodeFor } from './cli/exit-code.js';
export { UsageError, isUsageError } from './cli/usage-error.js';
export { completionScript } from './cli/completion.js';
export type { CompletionSpec, Shell } from './cli/completion.js';
export { browserReducer } from './state/reducer.js';
export { initialState } from './state/initial.js';
export type { StartAt } from './state/initial.js';
export type { Action } from './state/actions.js';
export type { BrowserState, ErrorInfo, ListData, Screen } from './state/types.js';
export { keyToCommand } from './state/keymap.js';
export type { KeyCommand } from './state/keymap.js';
export { describeError } from './state/describe-error.js';
export type { ErrorContext } from './state/describe-error.js';
export { Browser } from './ui/browser.js';
export type { BrowserProps } from './ui/browser.js';
export type { SourceInfo } from './ui/header.js';
export { renderTable } from './format/table.js';
export { formatLocalTime, formatWhen, relativeAge } from './format/time.js';
export { CHECKPOINT_COLUMNS, CLUSTER_COLUMNS, PROJECT_COLUMNS } from './format/columns.js';
export type { Column } from './format/columns.js';
export { createResponseFeed } from './source/response-feed.js';
export type { ResponseEvent, ResponseFeed } from './source/response-feed.js';
export type { AtlasReader, ClusterRow, PageOf, ProjectRow } from './source/types.js';
