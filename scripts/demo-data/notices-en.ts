import type { NoticeCatalog } from "./notice-copy";

export const noticesEn: NoticeCatalog = {
  order_fulfilment: {
    title: "Processing and delivering your orders",
    lead: "When you buy from Northtrail Outfitters, we need a few details to get your order to you and to handle returns and exchanges.",
    short: {
      what: "Your name, email address, phone number, delivery address, the items you ordered and the payment confirmation.",
      why: "To take payment, pack and ship your order, send order and delivery emails, and process returns.",
      benefit: "Your order arrives, you can track it, and you can return or exchange it within 60 days.",
      retention: "We keep order records for 3 years after delivery, then delete them.",
      recipients:
        "Parcelway Logistics (Germany) delivers in Europe, Hanul Express in Korea and Yamabiko Transport in Japan; Paylane Payments (Ireland) handles card payments. They act only on our instructions.",
      withdraw:
        "We need this to fulfil your order, so it has no on/off switch. You can close your account at any time; we then keep only what the law requires.",
    },
    refusal: "Without these details we cannot accept or deliver an order.",
  },
  tax_records: {
    title: "Keeping tax and accounting records",
    lead: "Tax law requires us to keep a record of every sale, even after you close your account.",
    short: {
      what: "Your name, billing address, what you bought, the price, the tax charged and how you paid.",
      why: "To meet our tax and accounting duties in the countries where we sell.",
      benefit: "We can issue correct invoices, refunds and warranty proof for your purchases.",
      retention: "We keep these records for 7 years after the end of the financial year, as tax law requires, then delete them.",
      recipients:
        "Ledgerline Accounting Services (Ireland) keeps our books. Tax authorities receive records only when the law requires it.",
      withdraw: "The law requires this record, so you cannot switch it off. You can ask us for a copy of it at any time.",
    },
    refusal: "We cannot sell without keeping these records.",
  },
  fraud_prevention: {
    title: "Preventing fraud and payment abuse",
    lead: "We check each order for signs of fraud, so that stolen cards and hijacked accounts cannot be used in your name.",
    short: {
      what: "Your name, email address, payment details, order history, and the device and IP address used for the order.",
      why: "We have a legitimate interest in protecting you and us from fraud. Checks run automatically, and a person reviews every order we hold.",
      benefit: "Your account and your card are harder to misuse.",
      retention: "We keep the results of fraud checks for 12 months, then delete them.",
      recipients:
        "Paylane Payments (Ireland) and Sentinel Risk Scoring (United States) run the checks for us, under contract and only on our instructions.",
      withdraw:
        "You can object at any time in the preference center or by writing to privacy@northtrail.example. We then stop, unless we have compelling reasons to continue, and we tell you what they are.",
    },
    refusal: "If you object, we can still take your order, but card payments then need an extra confirmation step.",
  },
  delivery_updates: {
    title: "Delivery updates by text message and app",
    lead: "Every order comes with email confirmations. If you also want live delivery updates on your phone, you can turn them on here.",
    short: {
      what: "Your mobile number, the app's notification token and the status of your orders.",
      why: "To send you a text or app notification when your order ships, when it is out for delivery and when it arrives.",
      benefit: "You know when to expect your parcel without checking the tracking page.",
      retention: "We keep the notification record for 6 months after delivery, then delete it.",
      recipients: "TextBridge Messaging (Ireland) sends our text messages and cannot use your number for anything else.",
      withdraw: "Turn this off at any time in the preference center or the app settings, or reply STOP to any text.",
    },
    refusal: "If you say no, you still get order and delivery emails.",
  },
  marketing_messages: {
    title: "News, offers and new-season launches",
    lead: "We write to people who ask us to about new gear, trail guides and offers. You choose whether to hear from us, and how: by email, text, app notification or post.",
    short: {
      what: "Your name, email address, mobile number, postal address, the products you bought and the topics you pick.",
      why: "To send you news and offers that fit the gear you use, on the channels you choose.",
      benefit: "Early access to new-season launches and members-only offers, at most four messages a month.",
      retention:
        "We keep your choice and contact details while you stay subscribed and ask you to confirm every 2 years. After you unsubscribe, we delete your marketing profile within 30 days.",
      recipients:
        "MailHarbor (United States) sends our emails and TextBridge Messaging (Ireland) our texts. Both act only on our instructions; MailHarbor is bound by the EU standard contractual clauses.",
      withdraw:
        "Unsubscribe from any channel at any time with the link in each message, in the preference center, or by replying STOP to a text.",
    },
    refusal: "Saying no changes nothing about your orders, prices or returns.",
    v2: {
      short: {
        withdraw:
          "Every message has a one-click unsubscribe link. You can also switch off a single channel in the preference center, or reply STOP to a text.",
      },
      changeSummary: "Clearer wording on how to unsubscribe. Nothing changes in what we collect or why.",
    },
  },
  personalised_recommendations: {
    title: "Personalised recommendations",
    lead: "If you like, we suggest gear based on what you bought and browsed, instead of showing everyone the same thing.",
    short: {
      what: "Your order history, the products you viewed and saved, and the activities and sizes you tell us about.",
      why: "To rank products and pick suggestions for you on our website, in the app and in our emails.",
      benefit: "Suggestions that match your activities and size, and fewer that don't.",
      retention: "We keep your recommendation profile for 13 months after your last visit, then delete it.",
      recipients: "CloudNest Hosting (Germany) runs the recommendation service for us. Nobody else sees your profile.",
      withdraw: "Switch this off at any time in the preference center. We delete your profile within 30 days.",
    },
    refusal: "If you say no, you see our standard bestsellers instead.",
  },
  ad_partner_sharing: {
    title: "Sharing with advertising partners",
    lead: "With your permission, we share a scrambled version of your email address and what you bought with advertising partners. They use it to show you Northtrail ads elsewhere and to measure whether those ads work. In California this counts as sharing personal information.",
    short: {
      what: "A hashed (scrambled) email address, device identifiers, the pages you visited on our site and your purchases.",
      why: "To show you Northtrail ads on other websites and apps, and to measure which ads lead to purchases.",
      benefit: "Fewer irrelevant ads: the ads you see from us match the gear you use.",
      retention: "Our partners keep this data for up to 13 months. We stop sharing the moment you say no.",
      recipients:
        "Meridian Ads Network (Ireland), Daon Media Partners (Korea) and Sakura Ad Exchange (Japan). Each uses the data as a controller under its own privacy policy.",
      withdraw:
        'Say no at any time in the preference center or with the "Do Not Sell or Share My Personal Information" link on every page. We also honour the Global Privacy Control signal from your browser.',
    },
    refusal: "Saying no has no effect on prices, orders or service.",
    v2: {
      short: {
        recipients:
          "Meridian Ads Network (Ireland), Daon Media Partners (Korea), Sakura Ad Exchange (Japan) and, new, Summit Retail Media (United States). Each uses the data as a controller under its own privacy policy.",
      },
      changeSummary:
        "Adds Summit Retail Media (United States) as an advertising partner. Your earlier choice did not cover it, so we ask again.",
    },
  },
  precise_location: {
    title: "Nearby store offers using your precise location",
    lead: "The Northtrail app can use your phone's precise location to show stock in the nearest store and offers for trails near you. Precise location is sensitive, so it stays off unless you turn it on.",
    short: {
      what: "Your phone's precise location (GPS) while the app is open, and the app's notification token.",
      why: "To show store stock near you, and to notify you when you are near a Northtrail store with an offer.",
      benefit: "You see what is in stock nearby and get trail-ready offers when they are useful.",
      retention: "We keep location points for 30 days, then delete them. We never build a longer location history.",
      recipients: "CloudNest Hosting (Germany) runs the service for us. We never share your location with advertisers.",
      withdraw: "Switch this off at any time in the app or the preference center, or revoke location access in your phone's settings.",
    },
    refusal: "If you say no, the app works as before and you can still search for stores by town or postcode.",
  },
  fit_profile: {
    title: "Your fit profile for size advice",
    lead: "Size is the most common reason for a return. If you share your measurements, we tell you which size fits you best in each product.",
    short: {
      what: "Your height, weight, chest, waist and inside-leg measurements, your preferred fit, and the sizes you kept or returned.",
      why: "To recommend the right size for each product and show how it will fit.",
      benefit: "Fewer returns, and a better fit the first time.",
      retention: "We keep your fit profile until you delete it, or for 2 years after your last order.",
      recipients: "CloudNest Hosting (Germany) stores the profile for us. Nobody else sees your measurements.",
      withdraw: "Delete your fit profile at any time in the preference center. It is erased within 7 days.",
    },
    refusal: "If you say no, you can still use our standard size charts.",
  },
  trail_club_loyalty: {
    title: "Trail Club membership",
    lead: "Trail Club is our free membership. Joining is a contract between you and us: you collect points, and we need a few details to run your account.",
    short: {
      what: "Your name, email address, purchases, points balance and your favourite outdoor activities.",
      why: "To credit points for your purchases, give you your rewards and run your member account.",
      benefit: "Points on every purchase, free repairs and a birthday reward.",
      retention: "We keep your membership details while you are a member and for 12 months after you leave, then delete them.",
      recipients:
        "CloudNest Hosting (Germany) runs the membership system and MailHarbor (United States) sends member emails, both on our instructions.",
      withdraw: "Leave Trail Club at any time in your account. Unused points expire when you leave.",
    },
    refusal: "You can shop with us without joining.",
  },
  catalogue_by_post: {
    title: "Printed catalogue by post",
    lead: "Twice a year we post our printed catalogue to customers who ask for it.",
    short: {
      what: "Your name, postal address and the product ranges you buy.",
      why: "To post you our spring and autumn catalogue.",
      benefit: "A printed catalogue with the new season's range.",
      retention: "We keep your postal address for this purpose for 12 months after the last catalogue, then delete it.",
      recipients: "Inkwell Print & Post (Ireland) prints and posts the catalogue for us.",
      withdraw: "Stop the catalogue at any time in the preference center or by writing to privacy@northtrail.example.",
    },
    refusal: "If you say no, you can still read the catalogue online.",
  },
};
