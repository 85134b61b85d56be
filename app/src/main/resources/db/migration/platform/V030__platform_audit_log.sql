-- Who changed what, when and from where, for the changes made with an admin, merchandiser or agent
-- key. Written in the transaction of the change itself: an entry exists exactly when the change does.
CREATE TABLE platform.audit_entry (
    id              UUID                     NOT NULL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    caller_id       VARCHAR(100)             NOT NULL,
    caller_name     VARCHAR(200)             NOT NULL,
    roles           VARCHAR(200)             NOT NULL,
    method          VARCHAR(10)              NOT NULL,
    path            VARCHAR(1000)            NOT NULL,
    status          INTEGER                  NOT NULL,
    resource        VARCHAR(1000),
    address         VARCHAR(64)              NOT NULL,
    correlation_id  VARCHAR(100)
);
CREATE INDEX audit_entry_caller ON platform.audit_entry (caller_id, id);
CREATE INDEX audit_entry_at ON platform.audit_entry (at);
