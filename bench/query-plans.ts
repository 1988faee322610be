/**
 * The plans PostgreSQL chose for the statements a module function actually sends: the function
 * runs once on a drizzle instance that records its statements, and each statement is then run
 * again under EXPLAIN (ANALYZE, BUFFERS). Explaining the recorded text, rather than a copy of the
 * query written here, keeps the plans honest when the module changes.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '../db/client';
import * as schema from '../db/schema';

export interface RecordedStatement {
  query: string;
  params: unknown[];
}

/** Runs `fn` with a Db that records every statement it sends (on the same connection pool). */
export async function recordStatements(sql: postgres.Sql, fn: (db: Db) => Promise<unknown>): Promise<RecordedStatement[]> {
  const statements: RecordedStatement[] = [];
  const db = drizzle(sql, { schema, casing: 'snake_case', logger: { logQuery: (query, params) => statements.push({ query, params }) } });
  await fn(db);
  return statements;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** One line per plan node, indented by depth, down to `maxDepth`. */
  lines: string[];
  /** The tables of inputs (submissions, public_search_entries) the plan reads whole somewhere. */
  fullScans: string[];
}

function describe(node: PlanNode): string {
  const on = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const rel = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const sub = node['Subplan Name'] ? ` [${node['Subplan Name']}]` : '';
  // Rows read only to be dropped: what an index walk pays for a filter the index cannot answer.
  const removed = node['Rows Removed by Filter'] ? ` removed by filter=${node['Rows Removed by Filter']}` : '';
  return `${node['Node Type']}${on}${rel}${sub} (rows=${node['Actual Rows']} loops=${node['Actual Loops']}${removed})`;
}

/** Tables that grow with the inputs: reading one whole is what a page must never do. */
const INPUT_TABLES = ['submissions', 'public_search_entries'];

export async function explain(sql: postgres.Sql | postgres.TransactionSql, statement: RecordedStatement, maxDepth = 6): Promise<PlanSummary> {
  const [row] = await sql.unsafe(`explain (analyze, buffers, format json) ${statement.query}`, statement.params as postgres.ParameterOrJSON<never>[]);
  const [plan] = row['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>;
  const lines: string[] = [];
  const fullScans = new Set<string>();
  const walk = (node: PlanNode, depth: number) => {
    if (node['Node Type'] === 'Seq Scan' && INPUT_TABLES.includes(node['Relation Name'] ?? '')) fullScans.add(node['Relation Name']!);
    if (depth < maxDepth) lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(plan.Plan, 0);
  return {
    executionMs: plan['Execution Time'],
    sharedHit: plan.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: plan.Plan['Shared Read Blocks'] ?? 0,
    lines,
    fullScans: [...fullScans],
  };
}
