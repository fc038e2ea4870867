/** Reading PostgreSQL's plans in the hot-path tests: which tables count as large, plan nodes, rows read. */

/**
 * Tables that grow with use. A sequential scan of one of them makes a request slower as the
 * data grows; the small ones (institutions, quota lines, calls, centres) may be scanned.
 */
export const largeTables = new Set([
  'users',
  'sessions',
  'applications',
  'application_preferences',
  'application_documents',
  'application_status_history',
  'nominations',
  'events',
  'registrations',
  'notifications',
  'audit_entries',
  'mail_outbox',
]);

/**
 * From this size (8 kB pages: 4 MB) a table the planner chooses to scan whole counts as a
 * failure. Below it a scan can rightly be cheaper than 50 index probes, so over the medium set
 * only the second pass (no usable index) bites; PERF_TEST_SCALE=1 checks the planner's real
 * choices over the full set.
 */
export const planTablePages = 500;

export type Captured = { query: string; params: unknown[] };
export type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
export type AnalyzedNode = PlanNode & { 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: AnalyzedNode[] };

/** A plan's nodes, the root first. */
export function nodes<T extends PlanNode>(node: T): T[] {
  return [node, ...((node.Plans ?? []) as T[]).flatMap((child) => nodes(child))];
}

/** Rows read from a table by a plan, over every loop of every node that reads it. */
export const rowsReadFrom = (plan: AnalyzedNode, table: string) =>
  nodes(plan)
    .filter((node) => node['Relation Name'] === table)
    .reduce((sum, node) => sum + (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1), 0);
