ALTER TABLE `assignments` ADD `start_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `late_allowed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `lessons` ADD `teacher_guide` text;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `evidence_anchors` text;