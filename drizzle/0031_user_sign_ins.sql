CREATE TABLE "user_sign_ins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_login_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_sign_ins" ADD CONSTRAINT "user_sign_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "user_sign_ins" ("user_id", "last_login_at") SELECT "id", "last_login_at" FROM "users" WHERE "last_login_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "last_login_at";