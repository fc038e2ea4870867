-- A venue is kept in the three languages like a title: the text typed so far stands for all three.
ALTER TABLE "events" ALTER COLUMN "venue" SET DATA TYPE jsonb USING CASE WHEN "venue" IS NULL OR trim("venue") = '' THEN NULL ELSE jsonb_build_object('ru', "venue", 'zh', "venue", 'en', "venue") END;
