/** Prints an expression back to SQL text, for MySQL-style error messages such as 1690's `'(a + b)'`. */
import type { Expr } from '../../grammar/ast.js';

export function printExpr(e: Expr, depth = 0): string {
  if (depth > 50) return '...';
  const p = (x: Expr): string => printExpr(x, depth + 1);
  switch (e.kind) {
    case 'StringLiteral':
      return `'${e.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'NumberLiteral':
      return e.text;
    case 'NullLiteral':
      return 'NULL';
    case 'BoolLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'ColumnRef':
      return [e.schema, e.table, e.column].filter((x) => x !== undefined).map((x) => `\`${x}\``).join('.');
    case 'SystemVariable':
      return `@@${e.scope ? `${e.scope.toLowerCase()}.` : ''}${e.name}`;
    case 'UserVariable':
      return `@${e.name}`;
    case 'Parameter':
      return '?';
    case 'Unary':
      return `(${e.op === 'NOT' ? 'not ' : e.op}${p(e.operand)})`;
    case 'Binary':
      return `(${p(e.left)} ${e.op.toLowerCase()} ${p(e.right)})`;
    case 'In':
      return `(${p(e.expr)}${e.not ? ' not' : ''} in (${e.list.map(p).join(',')}))`;
    case 'Like':
      return `(${p(e.expr)}${e.not ? ' not' : ''} like ${p(e.pattern)})`;
    case 'IsNull':
      return `(${p(e.expr)} is${e.not ? ' not' : ''} null)`;
    case 'IsBool':
      return `(${p(e.expr)} is${e.not ? ' not' : ''} ${e.value ? 'true' : 'false'})`;
    case 'Between':
      return `(${p(e.expr)}${e.not ? ' not' : ''} between ${p(e.low)} and ${p(e.high)})`;
    case 'FunctionCall':
      return `${e.name.toLowerCase()}(${e.star ? '*' : `${e.distinct ? 'distinct ' : ''}${e.args.map(p).join(',')}`})`;
    case 'Case':
      return `(case${e.operand ? ` ${p(e.operand)}` : ''}${e.whens.map((w) => ` when ${p(w.when)} then ${p(w.then)}`).join('')}${
        e.else ? ` else ${p(e.else)}` : ''
      } end)`;
    case 'Cast':
      return `cast(${p(e.expr)} as ${e.type.toLowerCase()})`;
    case 'Interval':
      return `interval ${p(e.value)} ${e.unit.toLowerCase()}`;
    // OceanBase names a subquery in such texts by its position only; the emulator does not number them.
    case 'Subquery':
      return '(subquery)';
    case 'Exists':
      return 'exists((subquery))';
    case 'InSubquery':
      return `(${p(e.expr)}${e.not ? ' not' : ''} in (subquery))`;
  }
}
