import { Migration } from '@mikro-orm/migrations';

export class Migration20261125093123_byok_billing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint if exists "ledger_entry_kind_check";`);

    this.addSql(`alter table "generation" add column "byok_usage" numeric(38,0) not null default '0';`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_kind_check" check("kind" in ('purchase', 'fee', 'usage', 'byok_fee', 'refund', 'grant'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint if exists "ledger_entry_kind_check";`);

    this.addSql(`alter table "generation" drop column "byok_usage";`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_kind_check" check("kind" in ('purchase', 'fee', 'usage', 'refund', 'grant'));`);
  }

}
