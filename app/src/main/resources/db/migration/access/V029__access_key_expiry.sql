-- Keys can expire; a rotated key keeps working until the end of its overlap and names its successor.
ALTER TABLE access.api_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE access.api_key ADD COLUMN replaced_by UUID;
