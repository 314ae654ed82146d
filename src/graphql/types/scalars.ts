import { GraphQLError, Kind } from 'graphql';
import { formatUsd, parseUsd, MoneyParseError, type Money } from '../../core/billing/money.js';
import { JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.js';

const parseMoney = (value: unknown): Money => {
  if (typeof value !== 'string') throw new GraphQLError('Money must be a decimal string of USD, e.g. "0.0000025"');
  try {
    return parseUsd(value);
  } catch (err) {
    if (err instanceof MoneyParseError) throw new GraphQLError(`Invalid Money ${JSON.stringify(value)}: ${err.message}`);
    throw err;
  }
};

builder.scalarType('Money', {
  description:
    'An exact amount of US dollars as a decimal string (e.g. "0.0000025"), precise to 1e-12. Never a float.',
  serialize: (value) => formatUsd(value as Money),
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Money literals must be strings, e.g. "0.50"');
    return parseMoney(ast.value);
  },
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 timestamp in UTC.',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string');
    return date;
  },
});

builder.addScalarType('JSON', JSONResolver);
