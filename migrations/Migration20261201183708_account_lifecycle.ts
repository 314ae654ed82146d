import { Migration } from '@mikro-orm/migrations';

export class Migration20261201183708_account_lifecycle extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "account" add column "suspended_at" timestamptz null, add column "ignored_providers" text[] not null default '{}', add column "deny_data_collection" boolean not null default false, add column "zdr_only" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop column "suspended_at", drop column "ignored_providers", drop column "deny_data_collection", drop column "zdr_only";`);
  }

}
