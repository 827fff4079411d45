/**
 * Generated nested queries for the differential test (issue 21): IN / NOT IN subqueries, EXISTS, scalar and
 * correlated subqueries, derived tables, UNION [ALL] and WITH (recursive too), printed as SQL text so that the
 * same text reaches the grammar and MariaDB. Each shape orders its rows on a unique key, or on every column of a
 * numeric-only result, so the expected order is the only one; strings that compare equal under general_ci ('a',
 * 'A') never decide a DISTINCT or a UNION, where either spelling could be kept.
 */
import fc from 'fast-check';
import type { Expr } from '../../grammar/ast.js';
import { printExpr } from '../../src/query/print.js';
import { intExpr, pred, requalify } from './generators.js';

/** A predicate over t, its columns qualified (`t.a`), so it can sit next to u in a subquery. */
const tPred = pred.map((p: Expr) => printExpr(requalify(p)));
const tInt = intExpr.map((e: Expr) => printExpr(requalify(e)));
const lit = fc.integer({ min: -2, max: 6 }).map(String);

/** Predicates over u (columns id, k, name), qualified. */
const uPred = fc.oneof(
  fc.tuple(fc.constantFrom('=', '<>', '<', '>=', '<=>'), lit).map(([op, n]) => `u.k ${op} ${n}`),
  fc.tuple(fc.constantFrom('a%', 'A%', '%b%', '_', '%'), fc.boolean()).map(([p, not]) => `u.name ${not ? 'NOT ' : ''}LIKE '${p}'`),
  fc.boolean().map((not) => `u.k IS ${not ? 'NOT ' : ''}NULL`),
  fc.integer({ min: 1, max: 12 }).map((n) => `u.id <= ${n}`),
);
const optionalWhere = (p: fc.Arbitrary<string>) => fc.option(p, { nil: undefined }).map((w) => (w === undefined ? '' : ` WHERE ${w}`));
const agg = fc.constantFrom('COUNT(*)', 'MAX(u.id)', 'MIN(u.k)', 'SUM(u.k)', 'COUNT(u.name)');

const inSubquery = fc
  .tuple(tInt, fc.boolean(), fc.constantFrom('u.k', 'u.id', 'u.k + 1'), optionalWhere(uPred), optionalWhere(tPred))
  .map(([x, not, y, uw, tw]) => {
    const cond = `${x} ${not ? 'NOT ' : ''}IN (SELECT ${y} FROM u${uw})`;
    return tw === '' ? `SELECT t.id, t.a FROM t WHERE ${cond} ORDER BY t.id` : `SELECT t.id, t.a FROM t${tw} AND ${cond} ORDER BY t.id`;
  });

/** `x IN (SELECT …)` as a value: 1, 0, or NULL when no match and the subquery has a NULL (or x is NULL). */
const inAsValue = fc
  .tuple(fc.constantFrom('t.a', 't.b', 't.a - t.b'), fc.boolean(), optionalWhere(uPred))
  .map(([x, not, uw]) => `SELECT t.id, ${x} ${not ? 'NOT ' : ''}IN (SELECT u.k FROM u${uw}) AS m FROM t ORDER BY t.id`);

const exists = fc
  .tuple(fc.boolean(), fc.constantFrom('t.a', 't.b', 't.id'), fc.option(uPred, { nil: undefined }), optionalWhere(tPred))
  .map(([not, key, up, tw]) => {
    const sub = `${not ? 'NOT ' : ''}EXISTS (SELECT 1 FROM u WHERE u.k = ${key}${up === undefined ? '' : ` AND ${up}`})`;
    return tw === '' ? `SELECT t.id, t.s FROM t WHERE ${sub} ORDER BY t.id` : `SELECT t.id, t.s FROM t${tw} AND ${sub} ORDER BY t.id`;
  });

const scalarCorrelated = fc
  .tuple(agg, fc.constantFrom('t.a', 't.b'), fc.option(uPred, { nil: undefined }), optionalWhere(tPred))
  .map(([f, key, up, tw]) => `SELECT t.id, (SELECT ${f} FROM u WHERE u.k = ${key}${up === undefined ? '' : ` AND ${up}`}) AS v FROM t${tw} ORDER BY t.id`);

const scalarCompare = fc
  .tuple(tInt, fc.constantFrom('>', '<=', '=', '<>'), fc.constantFrom('MAX(u.k)', 'MIN(u.k)', 'COUNT(*)', 'MAX(u.id) - 3'), optionalWhere(uPred))
  .map(([x, op, f, uw]) => `SELECT t.id, ${x} AS x FROM t WHERE ${x} ${op} (SELECT ${f} FROM u${uw}) ORDER BY t.id`);

const derived = fc.oneof(
  fc
    .tuple(tInt, optionalWhere(tPred), lit, fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }))
    .map(([x, tw, n, limit]) => `SELECT d.id, d.v FROM (SELECT t.id, ${x} AS v FROM t${tw}) d WHERE d.v > ${n} OR d.v IS NULL ORDER BY d.id${limit === undefined ? '' : ` LIMIT ${limit}`}`),
  fc
    .tuple(fc.constantFrom('t.a', 't.b'), optionalWhere(tPred), fc.integer({ min: 0, max: 3 }))
    .map(([g, tw, n]) => `SELECT d.g, d.c, d.m FROM (SELECT ${g} AS g, COUNT(*) AS c, MAX(t.id) AS m FROM t${tw} GROUP BY ${g}) d WHERE d.c > ${n} ORDER BY d.g`),
  fc
    .tuple(fc.constantFrom('t.a', 't.b'), optionalWhere(uPred))
    .map(([key, uw]) => `SELECT t.id, x.name FROM t JOIN (SELECT u.id AS uid, u.k, u.name FROM u${uw}) x ON x.k = ${key} ORDER BY t.id, x.uid`),
);

/** Numeric branches only, so every column takes part in the order and equal rows are equal text. */
const branch = fc
  .tuple(fc.constantFrom<['t' | 'u', string]>(['t', 't.a'], ['t', 't.b'], ['t', 't.a + t.b'], ['u', 'u.k'], ['u', 'u.id']), fc.option(fc.oneof(tPred, uPred), { nil: undefined }))
  .map(([[table, x], p]) => {
    const where = p === undefined || !p.includes(`${table}.`) || p.includes(table === 't' ? 'u.' : 't.') ? '' : ` WHERE ${p}`;
    return `SELECT ${x} AS x, ${table === 't' ? 't.id' : 'u.id + 100'} AS y FROM ${table}${where}`;
  });
const union = fc
  .tuple(fc.array(fc.tuple(branch, fc.constantFrom('UNION', 'UNION ALL')), { minLength: 2, maxLength: 3 }), fc.boolean(), fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }))
  .map(([parts, onlyX, limit]) => {
    const texts = parts.map(([b]) => (onlyX ? b.replace(/, [^,]+ AS y FROM/, ' FROM') : b));
    const body = texts.map((t, i) => (i === 0 ? t : `${parts[i]![1]} ${t}`)).join(' ');
    return `${body} ORDER BY ${onlyX ? '1' : '1, 2'}${limit === undefined ? '' : ` LIMIT ${limit}`}`;
  });

const cte = fc.oneof(
  fc.tuple(tInt, optionalWhere(tPred), lit).map(([x, tw, n]) => `WITH c AS (SELECT t.id, ${x} AS v FROM t${tw}) SELECT c.id, c.v FROM c WHERE c.v >= ${n} ORDER BY c.id`),
  fc
    .tuple(fc.constantFrom('t.a', 't.b'), fc.integer({ min: -1, max: 2 }))
    .map(([g, shift]) => `WITH c AS (SELECT ${g} AS g, COUNT(*) AS n FROM t GROUP BY ${g}) SELECT x.g, x.n, y.n AS m FROM c x LEFT JOIN c y ON y.g = x.g + ${shift} ORDER BY x.g`),
  fc
    .tuple(optionalWhere(uPred), fc.boolean())
    .map(([uw, not]) => `WITH ks AS (SELECT u.k FROM u${uw}) SELECT t.id, t.a FROM t WHERE t.a ${not ? 'NOT ' : ''}IN (SELECT k FROM ks) ORDER BY t.id`),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }))
    .map(([limit, step]) => `WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + ${step} FROM r WHERE n < ${limit}) SELECT n, n * n AS sq FROM r ORDER BY n`),
  fc
    .tuple(fc.integer({ min: 0, max: 6 }))
    .map(([top]) => `WITH RECURSIVE r (n) AS (SELECT ${top} UNION ALL SELECT n - 1 FROM r WHERE n > 0) SELECT r.n, (SELECT COUNT(*) FROM t WHERE t.a = r.n) AS c FROM r ORDER BY r.n`),
);

export const NESTED_KINDS = { inSubquery, inAsValue, exists, scalarCorrelated, scalarCompare, derived, union, cte } as const;

/** Every kind in turn, so a run of N holds N / 8 of each. */
export function nestedQueries(seed: number, perKind: number): { kind: string; sql: string }[] {
  return Object.entries(NESTED_KINDS).flatMap(([kind, arb], i) => fc.sample(arb as fc.Arbitrary<string>, { seed: seed + i, numRuns: perKind }).map((sql) => ({ kind, sql })));
}
