import { Migration } from '@mikro-orm/migrations';

export class Migration20261201194426_holds_in_the_credit_gate extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop table if exists "reservation" cascade;`);

    this.addSql(`alter table "account" drop column "reserved";`);

    this.addSql(`alter table "api_key" drop column "reserved";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "reservation" ("id" varchar(64) not null, "account_id" uuid not null, "api_key_id" uuid null, "amount" numeric(38,0) not null, "expires_at" timestamptz(6) not null, "created_at" timestamptz(6) not null default CURRENT_TIMESTAMP, constraint "reservation_pkey" primary key ("id"));`);
    this.addSql(`create index "reservation_account_id_index" on "reservation" ("account_id");`);
    this.addSql(`create index "reservation_expires_at_index" on "reservation" ("expires_at");`);

    this.addSql(`alter table "reservation" add constraint "reservation_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reservation" add constraint "reservation_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "account" add column "reserved" numeric(38,0) not null default '0';`);

    this.addSql(`alter table "api_key" add column "reserved" numeric(38,0) not null default '0';`);
  }

}
