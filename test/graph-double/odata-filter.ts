/**
 * The subset of OData `$filter` the Graph double understands on list items: comparisons
 * (eq, ne, lt, le, gt, ge) on `fields/<name>` joined by `and`, parentheses, and string,
 * number, boolean and null literals.
 * https://learn.microsoft.com/en-us/graph/api/listitem-list ("Using the $filter query parameter")
 */
export type Comparison = { field: string; operator: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; value: Literal };
export type Literal = string | number | boolean | null;
export type Filter = { all: Comparison[] };

export class FilterSyntaxError extends Error {}

const operators = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => {
    const token = tokens[at++];
    if (token === undefined) throw new FilterSyntaxError(`Unexpected end of $filter: ${source}`);
    return token;
  };

  function conjunction(): Comparison[] {
    const all = [...term()];
    while (peek()?.toLowerCase() === 'and') {
      take();
      all.push(...term());
    }
    return all;
  }

  function term(): Comparison[] {
    if (peek() === '(') {
      take();
      const inner = conjunction();
      if (take() !== ')') throw new FilterSyntaxError(`Missing ) in $filter: ${source}`);
      return inner;
    }
    const operand = take();
    if (!operand.startsWith('fields/'))
      throw new FilterSyntaxError(`Only fields/<name> can be filtered here: ${operand}`);
    const operator = take().toLowerCase();
    if (!operators.has(operator)) throw new FilterSyntaxError(`Unsupported operator ${operator} in $filter`);
    return [
      { field: operand.slice('fields/'.length), operator: operator as Comparison['operator'], value: literal(take()) },
    ];
  }

  const all = conjunction();
  if (at !== tokens.length) throw new FilterSyntaxError(`Unsupported $filter (only "and" is understood): ${source}`);
  return { all };
}

function tokenize(source: string): string[] {
  const pattern = /\s*(\(|\)|'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Za-z_][\w/.]*)/y;
  const tokens: string[] = [];
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) throw new FilterSyntaxError(`Cannot read $filter at "${source.slice(index)}"`);
    tokens.push(match[1]!);
    index = pattern.lastIndex;
  }
  return tokens;
}

function literal(token: string): Literal {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d/.test(token)) return Number(token);
  if (token === 'true' || token === 'false') return token === 'true';
  if (token === 'null') return null;
  throw new FilterSyntaxError(`Not a literal: ${token}`);
}

export function matches(filter: Filter, fields: Record<string, unknown>): boolean {
  return filter.all.every(({ field, operator, value }) => compare(fields[field] ?? null, operator, value));
}

function compare(actual: unknown, operator: Comparison['operator'], expected: Literal): boolean {
  if (operator === 'eq') return normalise(actual) === normalise(expected);
  if (operator === 'ne') return normalise(actual) !== normalise(expected);
  if (actual === null || expected === null) return false;
  const left = normalise(actual);
  const right = normalise(expected);
  const order =
    typeof left === 'number' && typeof right === 'number'
      ? left - right
      : String(left) < String(right)
        ? -1
        : String(left) > String(right)
          ? 1
          : 0;
  return operator === 'lt' ? order < 0 : operator === 'le' ? order <= 0 : operator === 'gt' ? order > 0 : order >= 0;
}

/** SharePoint compares lookup ids and numbers whether the literal was quoted or not. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
