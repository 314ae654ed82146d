import { Migration } from '@mikro-orm/migrations';

export class Migration20261125070202_ledger_key_usage extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "ledger_entry_account_id_index";`);

    this.addSql(`alter table "ledger_entry" add column "api_key_id" uuid null;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "ledger_entry_api_key_id_created_at_index" on "ledger_entry" ("api_key_id", "created_at");`);
    this.addSql(`create index "ledger_entry_account_id_created_at_index" on "ledger_entry" ("account_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_api_key_id_foreign";`);

    this.addSql(`drop index "ledger_entry_api_key_id_created_at_index";`);
    this.addSql(`drop index "ledger_entry_account_id_created_at_index";`);
    this.addSql(`alter table "ledger_entry" drop column "api_key_id";`);

    this.addSql(`create index "ledger_entry_account_id_index" on "ledger_entry" ("account_id");`);
  }

}
