-- One spelling per outbox kind (lib/outbox/vocabulary.ts): the demo history wrote its request messages
-- with underscores while Candor writes hyphens, so the outbox viewer's kind filter could not find them.
UPDATE `outbox` SET `kind` = replace(`kind`, '_', '-')
WHERE `kind` IN ('request_received', 'request_extended', 'request_completed', 'request_rejected');
