import { Migration } from '@mikro-orm/migrations';

export class Migration20261125064207_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account" ("id" uuid not null, "name" varchar(200) not null, "balance" numeric(38,0) not null default '0', "reserved" numeric(38,0) not null default '0', "is_operator" boolean not null default false, "created_at" timestamptz not null default current_timestamp, constraint "account_pkey" primary key ("id"));`);

    this.addSql(`create table "api_key" ("id" uuid not null, "account_id" uuid not null, "hash" varchar(128) not null, "prefix" varchar(32) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('inference', 'management')) not null default 'inference', "limit" numeric(38,0) null, "limit_reset" text check ("limit_reset" in ('none', 'daily', 'weekly', 'monthly')) not null default 'none', "include_byok_in_limit" boolean not null default false, "expires_at" timestamptz null, "disabled" boolean not null default false, "created_at" timestamptz not null default current_timestamp, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`create index "api_key_account_id_index" on "api_key" ("account_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_hash_unique" unique ("hash");`);

    this.addSql(`create table "generation" ("id" varchar(64) not null, "account_id" uuid not null, "api_key_id" uuid null, "requested_models" text[] not null, "model" varchar(200) null, "provider" varchar(64) null, "status" text check ("status" in ('pending', 'running', 'succeeded', 'failed', 'cancelled')) not null default 'pending', "streamed" boolean not null default false, "cancelled" boolean not null default false, "tokens_prompt" int not null default 0, "tokens_completion" int not null default 0, "tokens_reasoning" int not null default 0, "tokens_cached" int not null default 0, "cost" numeric(38,0) not null default '0', "is_byok" boolean not null default false, "latency_ms" int null, "generation_time_ms" int null, "finish_reason" varchar(32) null, "native_finish_reason" varchar(64) null, "sticky_key" varchar(128) null, "created_at" timestamptz not null default current_timestamp, "finished_at" timestamptz null, constraint "generation_pkey" primary key ("id"));`);
    this.addSql(`create index "generation_account_id_created_at_index" on "generation" ("account_id", "created_at");`);

    this.addSql(`create table "attempt" ("id" uuid not null, "generation_id" varchar(64) not null, "ordinal" int not null, "provider" varchar(64) not null, "endpoint_id" uuid null, "status" text check ("status" in ('succeeded', 'failed', 'cancelled')) not null, "error_class" varchar(64) null, "http_status" int null, "latency_ms" int null, "created_at" timestamptz not null default current_timestamp, constraint "attempt_pkey" primary key ("id"));`);
    this.addSql(`alter table "attempt" add constraint "attempt_generation_id_ordinal_unique" unique ("generation_id", "ordinal");`);

    this.addSql(`create table "ledger_entry" ("id" uuid not null, "account_id" uuid not null, "kind" text check ("kind" in ('purchase', 'fee', 'usage', 'refund', 'grant')) not null, "amount" numeric(38,0) not null, "idempotency_key" varchar(200) not null, "generation_id" varchar(64) null, "description" text null, "created_at" timestamptz not null default current_timestamp, constraint "ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "ledger_entry_account_id_index" on "ledger_entry" ("account_id");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "ledger_entry_generation_id_index" on "ledger_entry" ("generation_id");`);

    this.addSql(`create table "model" ("id" varchar(200) not null, "author" varchar(100) not null, "canonical_slug" varchar(200) not null, "name" varchar(200) not null, "description" text not null, "context_length" int not null, "input_modalities" text[] not null, "output_modalities" text[] not null, "tokenizer" varchar(64) not null, "instruct_type" varchar(64) null, "is_moderated" boolean not null default false, "released_at" timestamptz not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, constraint "model_pkey" primary key ("id"));`);
    this.addSql(`create index "model_author_index" on "model" ("author");`);

    this.addSql(`create table "provider" ("slug" varchar(64) not null, "name" varchar(200) not null, "family" text check ("family" in ('openai', 'anthropic', 'gemini')) not null, "base_url" text not null, "privacy_policy_url" text null, "terms_of_service_url" text null, "status_page_url" text null, "trains_on_data" boolean not null, "retains_prompts" boolean not null, "retention_days" int null, "zdr" boolean not null, "status" text check ("status" in ('active', 'disabled')) not null default 'active', "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, constraint "provider_pkey" primary key ("slug"));`);

    this.addSql(`create table "endpoint" ("id" uuid not null, "model_id" varchar(200) not null, "provider_slug" varchar(64) not null, "provider_model_id" varchar(200) not null, "context_length" int not null, "max_completion_tokens" int null, "quantization" text check ("quantization" in ('int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown')) not null default 'unknown', "supported_parameters" text[] not null, "price_prompt" numeric(38,0) not null default '0', "price_completion" numeric(38,0) not null default '0', "price_request" numeric(38,0) not null default '0', "price_image" numeric(38,0) not null default '0', "price_web_search" numeric(38,0) not null default '0', "price_internal_reasoning" numeric(38,0) not null default '0', "price_input_cache_read" numeric(38,0) not null default '0', "price_input_cache_write" numeric(38,0) not null default '0', "status" text check ("status" in ('active', 'degraded', 'disabled')) not null default 'active', "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, constraint "endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "endpoint_provider_slug_index" on "endpoint" ("provider_slug");`);
    this.addSql(`alter table "endpoint" add constraint "endpoint_model_id_provider_slug_unique" unique ("model_id", "provider_slug");`);

    this.addSql(`alter table "api_key" add constraint "api_key_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "generation" add constraint "generation_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "generation" add constraint "generation_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attempt" add constraint "attempt_generation_id_foreign" foreign key ("generation_id") references "generation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "endpoint" add constraint "endpoint_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "endpoint" add constraint "endpoint_provider_slug_foreign" foreign key ("provider_slug") references "provider" ("slug") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_key" drop constraint "api_key_account_id_foreign";`);

    this.addSql(`alter table "generation" drop constraint "generation_account_id_foreign";`);

    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_account_id_foreign";`);

    this.addSql(`alter table "generation" drop constraint "generation_api_key_id_foreign";`);

    this.addSql(`alter table "attempt" drop constraint "attempt_generation_id_foreign";`);

    this.addSql(`alter table "endpoint" drop constraint "endpoint_model_id_foreign";`);

    this.addSql(`alter table "endpoint" drop constraint "endpoint_provider_slug_foreign";`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "generation" cascade;`);

    this.addSql(`drop table if exists "attempt" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "model" cascade;`);

    this.addSql(`drop table if exists "provider" cascade;`);

    this.addSql(`drop table if exists "endpoint" cascade;`);
  }

}
