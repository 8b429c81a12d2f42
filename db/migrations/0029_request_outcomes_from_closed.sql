-- Existing closed requests get an outcome in the vocabulary of lib/requests/vocabulary.ts (issue 18), so the
-- §7102 report can count requests closed before outcomes were recorded. What this assumes:
--
-- 1. A "completed" request was complied with in whole. Before this migration the app could not record a partial
--    compliance, so nothing tells a partial one apart; none is invented.
-- 2. A "rejected" request was denied. Its reason code comes from the one thing recorded, its rejection reason:
--    a. the reason Candor wrote when it closed a request left unverified ("system:identity-not-verified", or one of
--       the English sentences it wrote before reasons were codes, as lib/requests/system-reasons.ts reads them)
--       means the identity could not be verified: "not_verifiable", with no note (the reason stays where it was);
--    b. any other reason was written by a person in free text, which cannot be classified safely (it might describe
--       an exemption, a non-resident or a duplicate): "other", with the old reason kept word for word as the note,
--       or "No reason was recorded." when there was none. Staff can read these and none is guessed to be "exempt"
--       or "not_a_consumer", which need a named exemption or a residency finding nobody recorded.
-- 3. Only rows with no outcome yet are touched, so running it again, or after new closings, changes nothing.
-- 4. rejection_reason is left as it is: it holds what the person was told, which the status page still shows.
-- 5. Open requests keep a null outcome.
UPDATE `subject_requests` SET `outcome` = 'complied', `denial_reason` = NULL
WHERE `status` = 'completed' AND `outcome` IS NULL;
--> statement-breakpoint
UPDATE `subject_requests` SET `outcome` = 'denied', `denial_reason` = 'not_verifiable', `outcome_note` = NULL
WHERE `status` = 'rejected' AND `outcome` IS NULL
  AND trim(coalesce(`rejection_reason`, '')) IN (
    'system:identity-not-verified',
    'Identity was not verified in time.',
    'Identity could not be verified within 21 days.'
  );
--> statement-breakpoint
UPDATE `subject_requests` SET `outcome` = 'denied', `denial_reason` = 'other',
  `outcome_note` = coalesce(nullif(trim(`rejection_reason`), ''), 'No reason was recorded.')
WHERE `status` = 'rejected' AND `outcome` IS NULL;
