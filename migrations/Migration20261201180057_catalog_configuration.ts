import { Migration } from '@mikro-orm/migrations';

export class Migration20261201180057_catalog_configuration extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalog_change" ("id" uuid not null, "actor_kind" text check ("actor_kind" in ('operator', 'catalog_file')) not null, "actor" varchar(500) not null, "action" text check ("action" in ('upsert', 'remove', 'restore')) not null, "subject" text check ("subject" in ('provider', 'model', 'endpoint')) not null, "subject_key" varchar(300) not null, "details" jsonb null, "created_at" timestamptz not null default current_timestamp, constraint "catalog_change_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_change_created_at_index" on "catalog_change" ("created_at");`);
    this.addSql(`create index "catalog_change_subject_subject_key_index" on "catalog_change" ("subject", "subject_key");`);

    this.addSql(`alter table "model" add column "origin" text check ("origin" in ('builtin', 'file', 'operator')) not null default 'builtin';`);

    this.addSql(`alter table "provider" add column "credential_env" varchar(128) null, add column "extra_headers" jsonb null, add column "dialect" jsonb null, add column "origin" text check ("origin" in ('builtin', 'file', 'operator')) not null default 'builtin';`);
    // Every provider so far came from the built-in catalog, whose credentials are PROVIDER_<SLUG>_API_KEY.
    this.addSql(`update "provider" set "credential_env" = 'PROVIDER_' || upper(replace("slug", '-', '_')) || '_API_KEY';`);

    this.addSql(`alter table "endpoint" add column "origin" text check ("origin" in ('builtin', 'file', 'operator')) not null default 'builtin';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog_change" cascade;`);

    this.addSql(`alter table "endpoint" drop column "origin";`);

    this.addSql(`alter table "model" drop column "origin";`);

    this.addSql(`alter table "provider" drop column "credential_env", drop column "extra_headers", drop column "dialect", drop column "origin";`);
  }

}
