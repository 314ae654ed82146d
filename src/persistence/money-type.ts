import { Type, p, type Platform, type EntityProperty } from '@mikro-orm/core';
import { money, type Money } from '../core/billing/money.js';

/** Pico-dollars as numeric(38,0): exact in Postgres, bigint in TypeScript, never a float on the way. */
export class MoneyType extends Type<Money, string> {
  // Nullable columns (e.g. a key without a limit) pass null through untouched.
  override convertToDatabaseValue(value: Money | bigint | string): string {
    if (value === null || value === undefined) return value;
    return typeof value === 'string' ? BigInt(value).toString() : value.toString();
  }

  override convertToJSValue(value: string | bigint): Money {
    if (value === null || value === undefined) return value;
    return money(BigInt(value));
  }

  override compareAsType(): string {
    return 'string';
  }

  override get runtimeType(): string {
    return 'bigint';
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return 'numeric(38,0)';
  }
}

/** An entity property holding Money. */
export const moneyProperty = () => p.type(MoneyType).$type<Money>();
