import { Migration } from '@mikro-orm/migrations';

export class Migration20261125071007_reservation_key_set_null extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "reservation" drop constraint "reservation_api_key_id_foreign";`);

    this.addSql(`alter table "reservation" add constraint "reservation_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reservation" drop constraint "reservation_api_key_id_foreign";`);

    this.addSql(`alter table "reservation" add constraint "reservation_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete cascade;`);
  }

}
