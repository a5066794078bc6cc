ALTER TABLE `lessons` ADD `teacher_guide` text;--> statement-breakpoint
ALTER TABLE `question_versions` ADD `evidence_anchors` text;