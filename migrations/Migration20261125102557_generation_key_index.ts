import { Migration } from '@mikro-orm/migrations';

export class Migration20261125102557_generation_key_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "generation_api_key_id_created_at_index" on "generation" ("api_key_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "generation_api_key_id_created_at_index";`);
  }

}
