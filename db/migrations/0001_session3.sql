CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`class_id` text,
	`action` text NOT NULL,
	`target_user_id` text,
	`target_name` text,
	`detail` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_class_idx` ON `audit_log` (`class_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target_user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `start_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `late_allowed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `lessons` ADD `teacher_guide` text;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `evidence_anchors` text;