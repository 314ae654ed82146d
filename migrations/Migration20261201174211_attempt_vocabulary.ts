import { Migration } from '@mikro-orm/migrations';

export class Migration20261201174211_attempt_vocabulary extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "attempt" drop constraint if exists "attempt_status_check";`);

    this.addSql(`alter table "generation" add column "tokens_cache_write" int not null default 0;`);
    this.addSql(`alter table "generation" rename column "latency_ms" to "ttft_ms";`);

    this.addSql(`alter table "attempt" add column "model" varchar(200) null, add column "byok" boolean not null default false, add column "error_message" text null, add column "ttft_ms" int null;`);
    this.addSql(`alter table "attempt" add constraint "attempt_status_check" check("status" in ('succeeded', 'failed', 'cancelled', 'skipped'));`);
    this.addSql(`alter table "attempt" rename column "error_class" to "error_code";`);
    this.addSql(`alter table "attempt" rename column "latency_ms" to "duration_ms";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attempt" drop constraint if exists "attempt_status_check";`);

    this.addSql(`alter table "attempt" drop column "model", drop column "byok", drop column "error_message", drop column "ttft_ms";`);

    this.addSql(`alter table "attempt" add constraint "attempt_status_check" check("status" in ('succeeded', 'failed', 'cancelled'));`);
    this.addSql(`alter table "attempt" rename column "error_code" to "error_class";`);
    this.addSql(`alter table "attempt" rename column "duration_ms" to "latency_ms";`);

    this.addSql(`alter table "generation" drop column "tokens_cache_write";`);

    this.addSql(`alter table "generation" rename column "ttft_ms" to "latency_ms";`);
  }

}
