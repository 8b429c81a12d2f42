/**
 * The publishable key the demo data loader creates for the Northtrail
 * website, and that /embed/demo embeds. It is public by nature: a
 * publishable key only lets a page in its allowed origins ask for and
 * record banner choices.
 */
export const DEMO_PUBLISHABLE_KEY = "pk_demo_northtrail_2026";
export const DEMO_PUBLISHABLE_KEY_NAME = "Northtrail website";
