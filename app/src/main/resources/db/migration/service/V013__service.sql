-- The service desk: inboxes per channel, teams with business hours and targets, agents, one
-- conversation per customer across channels, its messages, notes, calls and actions, canned replies.
CREATE SCHEMA IF NOT EXISTS service;

-- A team: its business hours ({"MONDAY":["09:00","19:00"],…}, empty for always open) in its time
-- zone, and its targets: first response and resolution, counted in business time.
CREATE TABLE service.team (
    code              VARCHAR(40)              NOT NULL PRIMARY KEY,
    name              VARCHAR(200)             NOT NULL,
    time_zone         VARCHAR(60)              NOT NULL,
    hours_json        VARCHAR(2000)            NOT NULL,
    first_response_seconds BIGINT              NOT NULL,
    resolution_seconds BIGINT                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where messages arrive: a channel (WEB_CHAT, APP_CHAT, EMAIL, SMS, WHATSAPP, SOCIAL_DM, PHONE,
-- IN_STORE), its address (the email inbox's address, the SMS number), the store of an in-store inbox,
-- the sales channel whose stock and prices it speaks of, whether the bot answers first, and the team
-- that takes over.
CREATE TABLE service.inbox (
    code              VARCHAR(40)              NOT NULL PRIMARY KEY,
    name              VARCHAR(200)             NOT NULL,
    channel           VARCHAR(20)              NOT NULL,
    address           VARCHAR(320),
    location_code     VARCHAR(40),
    sales_channel     VARCHAR(40),
    bot               BOOLEAN                  NOT NULL,
    team_code         VARCHAR(40)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX inbox_address ON service.inbox (address);

-- An agent is a person behind an API key; at most max_open conversations at once, assigned round robin.
CREATE TABLE service.agent (
    id                UUID                     NOT NULL PRIMARY KEY,
    key_id            VARCHAR(100)             NOT NULL UNIQUE,
    name              VARCHAR(200)             NOT NULL,
    team_code         VARCHAR(40)              NOT NULL,
    max_open          INTEGER                  NOT NULL,
    active            BOOLEAN                  NOT NULL,
    last_assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agent_team ON service.agent (team_code, active, last_assigned_at);

CREATE TABLE service.conversation (
    id                UUID                     NOT NULL PRIMARY KEY,
    number            BIGINT                   NOT NULL UNIQUE,
    customer_id       UUID                     NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    inbox_code        VARCHAR(40)              NOT NULL,
    last_inbox_code   VARCHAR(40)              NOT NULL,
    location_code     VARCHAR(40),
    team_code         VARCHAR(40)              NOT NULL,
    assignee_id       UUID,
    priority          VARCHAR(10)              NOT NULL,
    tags              VARCHAR(1000)            NOT NULL,
    bot_failures      INTEGER                  NOT NULL,
    handed_over_at    TIMESTAMP WITH TIME ZONE,
    handoff_reason    VARCHAR(60),
    handoff_summary   VARCHAR(4000),
    snoozed_until     TIMESTAMP WITH TIME ZONE,
    first_response_due TIMESTAMP WITH TIME ZONE,
    resolution_due    TIMESTAMP WITH TIME ZONE,
    first_response_at TIMESTAMP WITH TIME ZONE,
    first_response_breached BOOLEAN            NOT NULL,
    resolution_breached BOOLEAN                NOT NULL,
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolved_by       UUID,
    csat_asked_at     TIMESTAMP WITH TIME ZONE,
    csat_score        INTEGER,
    csat_comment      VARCHAR(1000),
    merged_into       UUID,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INTEGER                  NOT NULL
);
CREATE SEQUENCE service.conversation_number START WITH 1001;
CREATE INDEX conversation_customer ON service.conversation (customer_id, status);
CREATE INDEX conversation_queue ON service.conversation (status, team_code, created_at);
CREATE INDEX conversation_assignee ON service.conversation (assignee_id, status);
CREATE INDEX conversation_due ON service.conversation (status, first_response_due);

-- Messages in and out, internal notes (with the store they were written in), calls (with their
-- duration), bot answers, agents' actions (action_json) and events of the conversation.
CREATE TABLE service.message (
    id                UUID                     NOT NULL PRIMARY KEY,
    conversation_id   UUID                     NOT NULL,
    kind              VARCHAR(10)              NOT NULL,
    channel           VARCHAR(20)              NOT NULL,
    inbox_code        VARCHAR(40),
    author_kind       VARCHAR(10)              NOT NULL,
    author            VARCHAR(200),
    agent_id          UUID,
    body              VARCHAR(20000)           NOT NULL,
    external_id       VARCHAR(200),
    sender            VARCHAR(320),
    location_code     VARCHAR(40),
    duration_seconds  INTEGER,
    action_json       VARCHAR(8000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_external UNIQUE (inbox_code, external_id)
);
CREATE INDEX message_conversation ON service.message (conversation_id, created_at);

CREATE TABLE service.canned_reply (
    code              VARCHAR(40)              NOT NULL PRIMARY KEY,
    title             VARCHAR(200)             NOT NULL,
    body              VARCHAR(4000)            NOT NULL
);
