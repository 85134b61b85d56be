-- Messages the bot did not understand, kept for the team to label; a labelled one teaches the bot
-- its intent and joins the evaluation set (exported by the API).
CREATE TABLE service.bot_miss (
    id          UUID                     NOT NULL PRIMARY KEY,
    text        VARCHAR(2000)            NOT NULL,
    language    VARCHAR(8)               NOT NULL,
    guessed     VARCHAR(32)              NOT NULL,
    label       VARCHAR(32),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    labelled_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX bot_miss_label ON service.bot_miss (label, created_at);
