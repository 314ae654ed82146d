import { Migration } from '@mikro-orm/migrations';

export class Migration20261201181821_key_soft_delete extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "api_key" add column "deleted_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_key" drop column "deleted_at";`);
  }

}
