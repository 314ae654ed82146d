import { Migration } from '@mikro-orm/migrations';

export class Migration20261125074803_byok_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "byok_key" ("id" uuid not null, "account_id" uuid not null, "provider_slug" varchar(64) not null, "sealed_secret" text not null, "mask" varchar(32) not null, "always_use" boolean not null default false, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, constraint "byok_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "byok_key" add constraint "byok_key_account_id_provider_slug_unique" unique ("account_id", "provider_slug");`);

    this.addSql(`alter table "byok_key" add constraint "byok_key_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "byok_key" add constraint "byok_key_provider_slug_foreign" foreign key ("provider_slug") references "provider" ("slug") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "byok_key" cascade;`);
  }

}
