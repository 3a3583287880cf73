/** Medians, budgets and the printed table: everything that turns figures into a verdict. */
import { readFileSync } from 'node:fs';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface Limit {
  min?: number;
  max?: number;
  why?: string;
}

export type Budgets = Record<string, Limit>;

export interface Row {
  metric: string;
  app: Spread;
  baseline?: Spread;
  /** App median over baseline median. */
  ratio?: number;
  budget?: { key: string; on: 'app' | 'ratio' };
  format: (value: number) => string;
}

export interface Verdict {
  metric: string;
  budget: string;
  value: number;
  limit: Limit;
  pass: boolean;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: values };
}

export function readBudgets(file: string): Budgets {
  const budgets = JSON.parse(readFileSync(file, 'utf8')) as Budgets;
  for (const [key, limit] of Object.entries(budgets)) {
    if (typeof limit.min !== 'number' && typeof limit.max !== 'number') {
      throw new Error(`${file}: budget ${key} has neither min nor max`);
    }
  }
  return budgets;
}

const describeLimit = (limit: Limit, suffix: string) =>
  [
    typeof limit.min === 'number' ? `≥ ${limit.min}${suffix}` : '',
    typeof limit.max === 'number' ? `≤ ${limit.max}${suffix}` : '',
  ]
    .filter(Boolean)
    .join(', ');

const within = (value: number, limit: Limit) =>
  (limit.min === undefined || value >= limit.min) &&
  (limit.max === undefined || value <= limit.max);

export function judge(rows: Row[], budgets: Budgets): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const row of rows) {
    if (!row.budget) continue;
    const limit = budgets[row.budget.key];
    if (!limit) throw new Error(`budgets.json has no ${row.budget.key}`);
    const value = row.budget.on === 'ratio' ? (row.ratio ?? NaN) : row.app.median;
    verdicts.push({
      metric: row.metric,
      budget: row.budget.key,
      value,
      limit,
      pass: within(value, limit),
    });
  }
  const used = new Set(verdicts.map((verdict) => verdict.budget));
  const unused = Object.keys(budgets).filter((key) => !used.has(key));
  if (unused.length) throw new Error(`budgets.json: nothing measures ${unused.join(', ')}`);
  return verdicts;
}

function cell(value: Spread | undefined, format: (value: number) => string) {
  if (!value) return '—';
  if (value.runs.length === 1 || value.min === value.max) return format(value.median);
  return `${format(value.median)} (${format(value.min)}–${format(value.max)})`;
}

export function printTable(rows: Row[], verdicts: Verdict[]): void {
  const header = [
    'metric',
    'app median (min–max)',
    'baseline median (min–max)',
    'ratio',
    'budget',
    '',
  ];
  const lines = rows.map((row) => {
    const verdict = verdicts.find((candidate) => candidate.metric === row.metric);
    const budget = verdict
      ? describeLimit(verdict.limit, row.budget?.on === 'ratio' ? '×' : '')
      : '—';
    return [
      row.metric,
      cell(row.app, row.format),
      cell(row.baseline, row.format),
      row.ratio === undefined || !Number.isFinite(row.ratio) ? '—' : `${row.ratio.toFixed(2)}×`,
      budget,
      verdict ? (verdict.pass ? 'pass' : 'FAIL') : '',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const print = (cells: string[]) =>
    console.log(`| ${cells.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`);
  print(header);
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  lines.forEach(print);
}
