const DAY_MS = 86_400_000;

/** Every day from `from` (`YYYY-MM-DD`) to `to`, as `YYYY-MM-DD` (UTC). */
function days(from: string, to: Date): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= to.getTime(); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The operations asked for on every day: the first excerpt's. */
const EVERY_DAY = new Set([
  'listGroups',
  'listGroupClusters',
  'listGroupClusterBackupCheckpoints',
  'getGroupClusterBackupCheckpoint',
]);

/**
 * The days a version sweep asks an operation for (as `Accept: application/vnd.atlas.<day>+json`):
 * every day from its first version to `today` for the first excerpt's operations and for the
 * first operation of each distinct list of versions (version negotiation depends on nothing
 * else); for the other operations, the days where the answer can change (each version's date and
 * the day before it) and `today`. Keeps a sweep over the whole operation table inside a test
 * timeout on a loaded machine. One sweep per test file: it remembers the lists it has swept.
 *
 * @example
 * const daysFor = createVersionSweep();
 * for (const op of OPERATION_LIST) for (const day of daysFor(op.operationId, op.versions.map((v) => v.version))) …
 */
export function createVersionSweep(today: Date = new Date()): (operationId: string, versions: readonly string[]) => string[] {
  const sweptLists = new Set<string>();
  return (operationId, versions) => {
    const all = days(versions[0] ?? '', today);
    const key = versions.join(' ');
    if (EVERY_DAY.has(operationId) || !sweptLists.has(key)) {
      sweptLists.add(key);
      return all;
    }
    const edges = new Set(
      versions.flatMap((v) => [v, new Date(Date.parse(`${v}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)]),
    );
    return all.filter((day) => edges.has(day) || day === all.at(-1));
  };
}
