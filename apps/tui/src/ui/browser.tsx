import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ResponseFeed } from '../source/response-feed.js';
import type { AtlasReader } from '../source/types.js';
import type { StartAt } from '../state/initial.js';
import { initialState } from '../state/initial.js';
import { splitKeys } from '../state/keymap.js';
import { browserReducer } from '../state/reducer.js';
import { currentScreen, isListScreen, layoutFor, nextRequest, pollsRunningJob, projectNameRequest } from '../state/selectors.js';
import type { BrowserState } from '../state/types.js';
import { columnsOf, fitOf } from '../state/view.js';
import { DetailView } from './detail-view.js';
import { ErrorPanel } from './error-panel.js';
import { fetchFor } from './fetch-for.js';
import { Header, type SourceInfo } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { RecordView } from './record-view.js';
import { Spinner } from './spinner.js';
import { StatusBar } from './status-bar.js';
import { useResponseFeed } from './use-response-feed.js';
import { terminalSize, useTerminalResize } from './use-terminal-size.js';
import { VirtualList } from './virtual-list.js';

/** Props of {@link Browser}. */
export interface BrowserProps {
  readonly reader: AtlasReader;
  readonly source: SourceInfo;
  readonly start?: StartAt;
  readonly feed?: ResponseFeed;
  /** Page size for list requests (default 500). */
  readonly itemsPerPage?: number;
  /** `--refresh`: re-read the current list (or checkpoint) every this many ms, keeping the cursor. */
  readonly refreshMs?: number | undefined;
  /** While a restore job on screen is running: re-read it every this many ms (default 2000). */
  readonly jobPollMs?: number;
  /** Clock for relative ages (default `Date.now`). */
  readonly now?: () => number;
  /** Puts text on the clipboard; returns false when it cannot (the text is then printed on exit). */
  readonly copy?: (text: string) => boolean;
  /** Called once when the user quits, with the final state. */
  readonly onQuit?: (state: BrowserState) => void;
}

const EMPTY: Record<string, string> = {
  projects: 'No projects.',
  clusters: 'No clusters in this project.',
  checkpoints: 'No checkpoints (legacy backup of sharded clusters only). tab: restore points',
  restorePoints: 'No restore points: the cluster has no snapshots or checkpoints. tab: restore jobs',
  restoreJobs: 'No restore jobs. tab: checkpoints',
};

/**
 * The interactive browser: projects → clusters → a cluster's restore points (`tab`: its restore
 * jobs, its checkpoints) → detail.
 *
 * @example
 * render(<Browser reader={client} source={{ label: client.baseUrl, demo: false }} />);
 */
export function Browser({
  reader,
  source,
  start,
  feed,
  itemsPerPage = 500,
  refreshMs,
  jobPollMs = 2000,
  now = Date.now,
  copy = () => false,
  onQuit,
}: BrowserProps) {
  const { stdout } = useStdout();
  const { isRawModeSupported } = useStdin();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(browserReducer, undefined, () => initialState(terminalSize(stdout), start, itemsPerPage));
  const token = useRef(0);

  useEffect(() => {
    const request = nextRequest(state) ?? projectNameRequest(state);
    if (request === undefined) return;
    token.current += 1;
    const current = token.current;
    dispatch({ type: 'fetchStarted', screenId: request.screenId, token: current });
    void fetchFor(reader, request, current, state.pageSize).then(dispatch);
  }, [state, reader]);

  useEffect(() => {
    if (refreshMs === undefined || refreshMs <= 0) return undefined;
    const timer = setInterval(() => dispatch({ type: 'refresh', auto: true }), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);

  // A running restore job changes on Atlas: re-read it (keeping the cursor) until it is done.
  const polling = pollsRunningJob(state);
  useEffect(() => {
    if (!polling || jobPollMs <= 0) return undefined;
    const timer = setInterval(() => dispatch({ type: 'refresh', auto: true }), jobPollMs);
    return () => clearInterval(timer);
  }, [polling, jobPollMs]);

  useEffect(() => {
    if (!state.quit) return;
    onQuit?.(state);
    exit();
  }, [state, exit, onQuit]);

  useTerminalResize(useCallback((rows, columns) => dispatch({ type: 'resize', rows, columns }), []));
  useResponseFeed(feed, dispatch);

  useEffect(() => {
    const request = state.copyRequest;
    if (request !== undefined) dispatch({ type: 'copied', seq: request.seq, delivered: copy(request.text) });
  }, [state.copyRequest, copy]);

  useInput(
    (input, key) => {
      for (const [one, flags] of splitKeys(input, key)) dispatch({ type: 'key', input: one, key: flags });
    },
    { isActive: isRawModeSupported },
  );

  const screen = currentScreen(state);
  const layout = layoutFor(state.viewport.rows);
  const height = layout.rows;
  const bodyHeight = height + (layout.columnTitles ? 1 : 0);
  const time = now();
  const error = isListScreen(screen) ? screen.list.error : screen.error;
  let body;
  if (state.help) body = <HelpOverlay height={bodyHeight} width={state.viewport.columns} />;
  else if (error !== undefined) body = <ErrorPanel error={error} />;
  else if (screen.kind === 'detail')
    body = <DetailView screen={screen} height={bodyHeight} now={time} width={state.viewport.columns} />;
  else if (screen.kind === 'record') body = <RecordView screen={screen} height={bodyHeight} now={time} />;
  else if (screen.list.items.length === 0)
    body = screen.list.hasMore ? <Spinner label={`loading ${screen.kind}…`} /> : <Text>{EMPTY[screen.kind]}</Text>;
  else
    body = (
      <VirtualList
        list={screen.list}
        columns={columnsOf(screen.kind)}
        height={height}
        width={state.viewport.columns}
        now={time}
        titles={layout.columnTitles}
        sort={screen.list.sort}
        fit={fitOf(screen.kind)}
      />
    );

  // Exactly the layout's lines: a frame as tall as the terminal makes Ink clear the screen and scrollback.
  return (
    <Box flexDirection="column" width={state.viewport.columns}>
      {layout.header > 0 ? <Header state={state} source={source} compact={layout.header === 1} /> : null}
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {body}
      </Box>
      {layout.status > 0 ? <StatusBar state={state} lines={layout.status === 1 ? 1 : 2} /> : null}
    </Box>
  );
}
