import type { DataCategory } from "@/lib/purposes/vocabulary";
import type { Jurisdiction } from "./regions";
import {
  cloudNest,
  daon,
  hanul,
  inkwell,
  ledgerline,
  mailHarbor,
  meridian,
  parcelway,
  paylane,
  revenue,
  sakura,
  sentinel,
  summit,
  textBridge,
  yamabiko,
  type DemoRecipient,
} from "./recipients";

const everywhere: Jurisdiction[] = ["EU", "US-CA", "KR", "JP"];

export type PurposeKey =
  | "order_fulfilment"
  | "tax_records"
  | "fraud_prevention"
  | "delivery_updates"
  | "marketing_messages"
  | "personalised_recommendations"
  | "ad_partner_sharing"
  | "precise_location"
  | "fit_profile"
  | "trail_club_loyalty"
  | "catalogue_by_post";

type LegalBasis = "consent" | "contract" | "legal_obligation" | "legitimate_interests";

export type DemoPurpose = {
  key: PurposeKey;
  name: string;
  description: string;
  legalBasis: LegalBasis;
  dataCategories: DataCategory[];
  retentionDays: number;
  validityDays: number | null;
  saleOrSharing: boolean;
  sensitive: boolean;
  /** Uses sensitive personal information beyond CCPA §7027(m), so a California person may limit it (default false). */
  sensitiveBeyondPermitted?: boolean;
  channels: string[];
  /** Where it applies: each place asks for the notice in its people's languages before the purpose goes live. */
  jurisdictions: Jurisdiction[];
  benefit: string;
  status: "draft" | "in_review" | "active" | "retired";
  /** The companies it sends data to, from the recipient registry (./recipients.ts). */
  recipients: DemoRecipient[];
  createdDaysAgo: number;
  activatedDaysAgo: number | null;
  retiredDaysAgo: number | null;
  author: string;
  reviewer: string | null;
  /** Share of subjects in each jurisdiction who say yes when first asked (consent purposes only). */
  optIn?: Record<Jurisdiction, number>;
  /** Share of first contacts at which the purpose is asked at all (location is asked in the app only). */
  offered?: number;
  /** Relative weight of the purpose among later changes of mind. */
  changeWeight?: number;
  /** A second notice version, published this many days before the anchor. */
  v2?: { publishedDaysAgo: number; material: boolean };
};

const marketer = "marketing@northtrail.example";
const growth = "growth@northtrail.example";
const officer = "privacy@northtrail.example";
const dpo = "dpo@northtrail.example";

/** Northtrail's purposes, in id order: every legal basis a retailer uses, and every status. */
export const demoPurposes: readonly DemoPurpose[] = [
  {
    key: "order_fulfilment",
    name: "Order processing and delivery",
    legalBasis: "contract",
    description: "Taking payment, packing and shipping orders, order and delivery emails, returns and exchanges.",
    dataCategories: ["identity", "contact", "order_history", "payment"],
    retentionDays: 1095,
    validityDays: null,
    saleOrSharing: false,
    sensitive: false,
    channels: ["email", "sms"],
    status: "active",
    jurisdictions: everywhere,
    benefit: "Your order arrives, you can track it, and you can return or exchange it within 60 days.",
    recipients: [parcelway, hanul, yamabiko, paylane],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: officer,
  },
  {
    key: "tax_records",
    name: "Tax and accounting records",
    legalBasis: "legal_obligation",
    description: "Keeping a record of every sale, refund and invoice for as long as tax law requires.",
    dataCategories: ["identity", "order_history", "payment"],
    retentionDays: 2555,
    validityDays: null,
    saleOrSharing: false,
    sensitive: false,
    channels: [],
    status: "active",
    jurisdictions: everywhere,
    benefit: "We can issue correct invoices, refunds and warranty proof for your purchases.",
    recipients: [ledgerline, revenue],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: officer,
  },
  {
    key: "fraud_prevention",
    name: "Fraud and payment-abuse prevention",
    legalBasis: "legitimate_interests",
    description: "Automatic checks of each order for stolen cards and hijacked accounts, with human review of held orders.",
    dataCategories: ["identity", "payment", "device", "order_history"],
    retentionDays: 365,
    validityDays: null,
    saleOrSharing: false,
    sensitive: false,
    channels: [],
    status: "active",
    jurisdictions: everywhere,
    benefit: "Your account and your card are harder to misuse.",
    recipients: [paylane, sentinel],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: dpo,
  },
  {
    key: "delivery_updates",
    name: "Delivery updates by text and app",
    legalBasis: "consent",
    description: "Live shipping and delivery notifications by text message and app notification.",
    dataCategories: ["contact", "order_history", "device"],
    retentionDays: 180,
    validityDays: null,
    saleOrSharing: false,
    sensitive: false,
    channels: ["sms", "push", "in_app"],
    status: "active",
    jurisdictions: everywhere,
    benefit: "You know when to expect your parcel without checking the tracking page.",
    recipients: [textBridge],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: officer,
    optIn: { EU: 0.74, "US-CA": 0.81, KR: 0.86, JP: 0.78 },
    offered: 0.9,
    changeWeight: 2,
  },
  {
    key: "marketing_messages",
    name: "News, offers and new-season launches",
    legalBasis: "consent",
    description: "Newsletters, offers and launch news by the channels the customer picks, at most four a month.",
    dataCategories: ["contact", "preferences", "order_history"],
    retentionDays: 730,
    validityDays: 730,
    saleOrSharing: false,
    sensitive: false,
    channels: ["email", "sms", "push", "post"],
    status: "active",
    jurisdictions: everywhere,
    benefit: "Early access to new-season launches and members-only offers, at most four messages a month.",
    recipients: [mailHarbor, textBridge],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: officer,
    optIn: { EU: 0.38, "US-CA": 0.47, KR: 0.31, JP: 0.36 },
    offered: 1,
    changeWeight: 3,
    v2: { publishedDaysAgo: 75, material: false },
  },
  {
    key: "personalised_recommendations",
    name: "Personalised recommendations",
    legalBasis: "consent",
    description: "Ranking and suggesting products from order history, browsing and stated activities and sizes.",
    dataCategories: ["order_history", "behavioural", "preferences"],
    retentionDays: 395,
    validityDays: 395,
    saleOrSharing: false,
    sensitive: false,
    channels: ["email", "in_app"],
    status: "active",
    jurisdictions: everywhere,
    benefit: "Suggestions that match your activities and size, and fewer that don't.",
    recipients: [cloudNest],
    createdDaysAgo: 700,
    activatedDaysAgo: 680,
    retiredDaysAgo: null,
    author: growth,
    reviewer: officer,
    optIn: { EU: 0.43, "US-CA": 0.54, KR: 0.41, JP: 0.47 },
    offered: 0.95,
    changeWeight: 2,
  },
  {
    key: "ad_partner_sharing",
    name: "Sharing with advertising partners",
    legalBasis: "consent",
    description: "Sharing a hashed email, device identifiers and purchases with ad partners for ads elsewhere and measurement.",
    dataCategories: ["identity", "device", "behavioural", "order_history"],
    retentionDays: 395,
    validityDays: 395,
    saleOrSharing: true,
    sensitive: false,
    channels: [],
    status: "active",
    jurisdictions: everywhere,
    benefit: "Fewer irrelevant ads: the ads you see from us match the gear you use.",
    recipients: [meridian, daon, sakura, summit],
    createdDaysAgo: 820,
    activatedDaysAgo: 800,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: dpo,
    optIn: { EU: 0.17, "US-CA": 0.29, KR: 0.12, JP: 0.22 },
    offered: 1,
    changeWeight: 2,
    v2: { publishedDaysAgo: 45, material: true },
  },
  {
    key: "precise_location",
    name: "Nearby store offers using precise location",
    legalBasis: "consent",
    description: "Using the phone's precise location in the app to show nearby stock and store offers.",
    dataCategories: ["location", "device"],
    retentionDays: 30,
    validityDays: 395,
    saleOrSharing: false,
    sensitive: true,
    // Offers chosen from where the phone is go beyond what §7027(m) allows: a Californian may limit them.
    sensitiveBeyondPermitted: true,
    channels: ["push", "in_app"],
    status: "active",
    jurisdictions: everywhere,
    benefit: "You see what is in stock nearby and get trail-ready offers when they are useful.",
    recipients: [cloudNest],
    createdDaysAgo: 320,
    activatedDaysAgo: 300,
    retiredDaysAgo: null,
    author: growth,
    reviewer: dpo,
    optIn: { EU: 0.15, "US-CA": 0.23, KR: 0.18, JP: 0.2 },
    offered: 0.35,
    changeWeight: 1,
  },
  {
    key: "fit_profile",
    name: "Fit profile for size advice",
    legalBasis: "consent",
    description: "Body measurements and fit preferences to recommend a size per product.",
    dataCategories: ["body_measurements", "preferences", "order_history"],
    retentionDays: 730,
    validityDays: 395,
    saleOrSharing: false,
    sensitive: false,
    channels: ["in_app", "email"],
    status: "in_review",
    jurisdictions: ["EU", "KR", "JP"],
    benefit: "Fewer returns and a better fit the first time.",
    recipients: [cloudNest],
    createdDaysAgo: 20,
    activatedDaysAgo: null,
    retiredDaysAgo: null,
    author: marketer,
    reviewer: null,
  },
  {
    key: "trail_club_loyalty",
    name: "Trail Club membership",
    legalBasis: "contract",
    description: "Running the free Trail Club membership: points, rewards and the member account.",
    dataCategories: ["identity", "contact", "order_history", "preferences", "loyalty"],
    retentionDays: 1095,
    validityDays: null,
    saleOrSharing: false,
    sensitive: false,
    channels: ["email", "in_app"],
    status: "draft",
    jurisdictions: ["EU", "US-CA"],
    benefit: "Points on every purchase, free repairs and a birthday reward.",
    recipients: [cloudNest, mailHarbor],
    createdDaysAgo: 8,
    activatedDaysAgo: null,
    retiredDaysAgo: null,
    author: growth,
    reviewer: null,
  },
  {
    key: "catalogue_by_post",
    name: "Printed catalogue by post",
    legalBasis: "consent",
    description: "Posting the spring and autumn printed catalogue to customers who asked for it.",
    dataCategories: ["contact", "order_history"],
    retentionDays: 365,
    validityDays: 395,
    saleOrSharing: false,
    sensitive: false,
    channels: ["post"],
    status: "retired",
    jurisdictions: everywhere,
    benefit: "A printed catalogue with the new season's range.",
    recipients: [inkwell],
    createdDaysAgo: 900,
    activatedDaysAgo: 880,
    retiredDaysAgo: 60,
    author: marketer,
    reviewer: officer,
    optIn: { EU: 0.2, "US-CA": 0.14, KR: 0.08, JP: 0.12 },
    offered: 0.3,
    changeWeight: 0.5,
  },
];
