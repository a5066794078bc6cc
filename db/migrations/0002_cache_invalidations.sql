CREATE TABLE `cache_invalidations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tag` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_invalidations_created_idx` ON `cache_invalidations` (`created_at`);