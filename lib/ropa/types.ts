// The data map as the record of processing reads it: the shape db/data-map's getDataMap returns, written here
// so lib/ stays free of db/ (STYLE.md). Free text is the brand's own; every coded value is a vocabulary word.

export type RopaTransfer = {
  safeguard: string | null;
  safeguardNote: string | null;
  items: string[];
  timing: string | null;
  method: string | null;
  refusal: string | null;
};

export type RopaRecipient = {
  id: number;
  name: string;
  role: string;
  country: string;
  privacyContactName: string | null;
  privacyContactEmail: string | null;
  transfer: RopaTransfer;
};

export type RopaPurpose = {
  id: number;
  key: string;
  name: string;
  description: string;
  legalBasis: string;
  dataCategories: string[];
  retentionDays: number;
  jurisdictions: string[];
  record: {
    subjectCategories: string[];
    subjectCategoriesNote: string | null;
    sources: string[];
    sourcesNote: string | null;
    destructionMethod: string | null;
    destructionNote: string | null;
    legalHolds: { law: string; items: string[]; days: number; note?: string }[];
  };
  recipients: (RopaRecipient & { transferredFrom: string[] })[];
};

export type RopaInput = {
  brand: { legalName: string; address: string; contactEmail: string; dpoEmail: string } | null;
  privacy: {
    securityMeasures: string[];
    securityNote: string | null;
    representativeName: string | null;
    representativeContact: string | null;
    dpoName: string | null;
  };
  purposes: RopaPurpose[];
  recipients: RopaRecipient[];
};

/** Words for the record: a catalog lookup with values (next-intl's `t` for the "recordOfProcessing" namespace). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

/** The seven items of GDPR Art. 30(1). */
export const articleItems = ["a", "b", "c", "d", "e", "f", "g"] as const;
export type ArticleItem = (typeof articleItems)[number];
