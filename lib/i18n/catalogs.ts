// One file per namespace and locale, so features add their own text without touching others.
import en_common from "./messages/en/common.json";
import en_receipts from "./messages/en/receipts.json";
import en_login from "./messages/en/login.json";
import en_shell from "./messages/en/shell.json";
import en_roles from "./messages/en/roles.json";
import en_errors from "./messages/en/errors.json";
import en_staff from "./messages/en/staff.json";
import en_audit from "./messages/en/audit.json";
import en_overview from "./messages/en/overview.json";
import en_purposes from "./messages/en/purposes.json";
import en_requests from "./messages/en/requests.json";
import en_vocabulary from "./messages/en/vocabulary.json";
import en_purposeForm from "./messages/en/purposeForm.json";
import en_review from "./messages/en/review.json";
import en_purposeDetail from "./messages/en/purposeDetail.json";
import en_noticeLocales from "./messages/en/noticeLocales.json";
import en_dataMap from "./messages/en/dataMap.json";
import en_publicNotice from "./messages/en/publicNotice.json";
import en_noticeEditor from "./messages/en/noticeEditor.json";
import en_transparency from "./messages/en/transparency.json";
import ko_common from "./messages/ko/common.json";
import ko_receipts from "./messages/ko/receipts.json";
import ko_login from "./messages/ko/login.json";
import ko_shell from "./messages/ko/shell.json";
import ko_roles from "./messages/ko/roles.json";
import ko_errors from "./messages/ko/errors.json";
import ko_staff from "./messages/ko/staff.json";
import ko_audit from "./messages/ko/audit.json";
import ko_overview from "./messages/ko/overview.json";
import ko_purposes from "./messages/ko/purposes.json";
import ko_requests from "./messages/ko/requests.json";
import ko_vocabulary from "./messages/ko/vocabulary.json";
import ko_purposeForm from "./messages/ko/purposeForm.json";
import ko_review from "./messages/ko/review.json";
import ko_purposeDetail from "./messages/ko/purposeDetail.json";
import ko_noticeLocales from "./messages/ko/noticeLocales.json";
import ko_dataMap from "./messages/ko/dataMap.json";
import ko_publicNotice from "./messages/ko/publicNotice.json";
import ko_noticeEditor from "./messages/ko/noticeEditor.json";
import ko_transparency from "./messages/ko/transparency.json";
import ja_common from "./messages/ja/common.json";
import ja_receipts from "./messages/ja/receipts.json";
import ja_login from "./messages/ja/login.json";
import ja_shell from "./messages/ja/shell.json";
import ja_roles from "./messages/ja/roles.json";
import ja_errors from "./messages/ja/errors.json";
import ja_staff from "./messages/ja/staff.json";
import ja_audit from "./messages/ja/audit.json";
import ja_overview from "./messages/ja/overview.json";
import ja_purposes from "./messages/ja/purposes.json";
import ja_requests from "./messages/ja/requests.json";
import ja_vocabulary from "./messages/ja/vocabulary.json";
import ja_purposeForm from "./messages/ja/purposeForm.json";
import ja_review from "./messages/ja/review.json";
import ja_purposeDetail from "./messages/ja/purposeDetail.json";
import ja_noticeLocales from "./messages/ja/noticeLocales.json";
import ja_dataMap from "./messages/ja/dataMap.json";
import ja_publicNotice from "./messages/ja/publicNotice.json";
import ja_noticeEditor from "./messages/ja/noticeEditor.json";
import ja_transparency from "./messages/ja/transparency.json";
import en_outbox from "./messages/en/outbox.json";
import ko_outbox from "./messages/ko/outbox.json";
import ja_outbox from "./messages/ja/outbox.json";
import en_subjects from "./messages/en/subjects.json";
import ko_subjects from "./messages/ko/subjects.json";
import ja_subjects from "./messages/ja/subjects.json";
import en_apiKeys from "./messages/en/apiKeys.json";
import ko_apiKeys from "./messages/ko/apiKeys.json";
import ja_apiKeys from "./messages/ja/apiKeys.json";
import en_preferences from "./messages/en/preferences.json";
import ko_preferences from "./messages/ko/preferences.json";
import ja_preferences from "./messages/ja/preferences.json";
import en_embedDemo from "./messages/en/embedDemo.json";
import ko_embedDemo from "./messages/ko/embedDemo.json";
import ja_embedDemo from "./messages/ja/embedDemo.json";
import en_requestDetail from "./messages/en/requestDetail.json";
import ko_requestDetail from "./messages/ko/requestDetail.json";
import ja_requestDetail from "./messages/ja/requestDetail.json";
import en_dashboards from "./messages/en/dashboards.json";
import ko_dashboards from "./messages/ko/dashboards.json";
import ja_dashboards from "./messages/ja/dashboards.json";
import en_myRequests from "./messages/en/myRequests.json";
import ko_myRequests from "./messages/ko/myRequests.json";
import ja_myRequests from "./messages/ja/myRequests.json";
import en_requestPolicy from "./messages/en/requestPolicy.json";
import ko_requestPolicy from "./messages/ko/requestPolicy.json";
import ja_requestPolicy from "./messages/ja/requestPolicy.json";
import en_brandSettings from "./messages/en/brandSettings.json";
import ko_brandSettings from "./messages/ko/brandSettings.json";
import ja_brandSettings from "./messages/ja/brandSettings.json";
import en_twoFactor from "./messages/en/twoFactor.json";
import en_invite from "./messages/en/invite.json";
import ko_twoFactor from "./messages/ko/twoFactor.json";
import ko_invite from "./messages/ko/invite.json";
import ja_twoFactor from "./messages/ja/twoFactor.json";
import ja_invite from "./messages/ja/invite.json";
import type { Locale } from "./config";

import en_recipients from "./messages/en/recipients.json";
import ko_recipients from "./messages/ko/recipients.json";
import ja_recipients from "./messages/ja/recipients.json";
import en_deliveries from "./messages/en/deliveries.json";
import en_search from "./messages/en/search.json";
import en_bulk from "./messages/en/bulk.json";
import ko_deliveries from "./messages/ko/deliveries.json";
import ko_search from "./messages/ko/search.json";
import ko_bulk from "./messages/ko/bulk.json";
import ja_deliveries from "./messages/ja/deliveries.json";
import ja_search from "./messages/ja/search.json";
import ja_bulk from "./messages/ja/bulk.json";
import en_profile from "./messages/en/profile.json";
import ko_profile from "./messages/ko/profile.json";
import ja_profile from "./messages/ja/profile.json";
import en_inbox from "./messages/en/inbox.json";
import en_privacyPolicy from "./messages/en/privacyPolicy.json";
import ko_inbox from "./messages/ko/inbox.json";
import ko_privacyPolicy from "./messages/ko/privacyPolicy.json";
import ja_inbox from "./messages/ja/inbox.json";
import ja_privacyPolicy from "./messages/ja/privacyPolicy.json";
import en_dataMapFields from "./messages/en/dataMapFields.json";
import ko_dataMapFields from "./messages/ko/dataMapFields.json";
import ja_dataMapFields from "./messages/ja/dataMapFields.json";
import en_recordOfProcessing from "./messages/en/recordOfProcessing.json";
import en_incidents from "./messages/en/incidents.json";
import en_incidentReports from "./messages/en/incidentReports.json";
import en_incidentNotices from "./messages/en/incidentNotices.json";
import ko_incidentNotices from "./messages/ko/incidentNotices.json";
import ja_incidentNotices from "./messages/ja/incidentNotices.json";
import ko_recordOfProcessing from "./messages/ko/recordOfProcessing.json";
import ko_incidents from "./messages/ko/incidents.json";
import ko_incidentReports from "./messages/ko/incidentReports.json";
import ja_recordOfProcessing from "./messages/ja/recordOfProcessing.json";
import ja_incidents from "./messages/ja/incidents.json";
import en_incidentAffected from "./messages/en/incidentAffected.json";
import ko_incidentAffected from "./messages/ko/incidentAffected.json";
import ja_incidentAffected from "./messages/ja/incidentAffected.json";
import ja_incidentReports from "./messages/ja/incidentReports.json";
import en_incidentDuties from "./messages/en/incidentDuties.json";
import ko_incidentDuties from "./messages/ko/incidentDuties.json";
import ja_incidentDuties from "./messages/ja/incidentDuties.json";
const en = {
  dashboards: en_dashboards,
  requestDetail: en_requestDetail,
  embedDemo: en_embedDemo,
  preferences: en_preferences,
  apiKeys: en_apiKeys,
  subjects: en_subjects,
  outbox: en_outbox,
  common: en_common,
  receipts: en_receipts,
  login: en_login,
  shell: en_shell,
  roles: en_roles,
  errors: en_errors,
  staff: en_staff,
  audit: en_audit,
  overview: en_overview,
  purposes: en_purposes,
  requests: en_requests,
  vocabulary: en_vocabulary,
  purposeForm: en_purposeForm,
  review: en_review,
  purposeDetail: en_purposeDetail,
  noticeLocales: en_noticeLocales,
  dataMap: en_dataMap,
  publicNotice: en_publicNotice,
  noticeEditor: en_noticeEditor,
  myRequests: en_myRequests,
  requestPolicy: en_requestPolicy,
  brandSettings: en_brandSettings,
  recipients: en_recipients,
  deliveries: en_deliveries,
  search: en_search,
  twoFactor: en_twoFactor,
  invite: en_invite,
  bulk: en_bulk,
  profile: en_profile,
  inbox: en_inbox,
  transparency: en_transparency,
  privacyPolicy: en_privacyPolicy,
  dataMapFields: en_dataMapFields,
  recordOfProcessing: en_recordOfProcessing,
  incidentDuties: en_incidentDuties,
  incidents: en_incidents,
  incidentAffected: en_incidentAffected,
  incidentReports: en_incidentReports,
  incidentNotices: en_incidentNotices,
};

const ko = {
  dashboards: ko_dashboards,
  requestDetail: ko_requestDetail,
  embedDemo: ko_embedDemo,
  preferences: ko_preferences,
  apiKeys: ko_apiKeys,
  subjects: ko_subjects,
  outbox: ko_outbox,
  common: ko_common,
  receipts: ko_receipts,
  login: ko_login,
  shell: ko_shell,
  roles: ko_roles,
  errors: ko_errors,
  staff: ko_staff,
  audit: ko_audit,
  overview: ko_overview,
  purposes: ko_purposes,
  requests: ko_requests,
  vocabulary: ko_vocabulary,
  purposeForm: ko_purposeForm,
  review: ko_review,
  purposeDetail: ko_purposeDetail,
  noticeLocales: ko_noticeLocales,
  dataMap: ko_dataMap,
  publicNotice: ko_publicNotice,
  noticeEditor: ko_noticeEditor,
  myRequests: ko_myRequests,
  requestPolicy: ko_requestPolicy,
  brandSettings: ko_brandSettings,
  recipients: ko_recipients,
  deliveries: ko_deliveries,
  search: ko_search,
  twoFactor: ko_twoFactor,
  invite: ko_invite,
  bulk: ko_bulk,
  profile: ko_profile,
  inbox: ko_inbox,
  transparency: ko_transparency,
  privacyPolicy: ko_privacyPolicy,
  dataMapFields: ko_dataMapFields,
  recordOfProcessing: ko_recordOfProcessing,
  incidentDuties: ko_incidentDuties,
  incidents: ko_incidents,
  incidentAffected: ko_incidentAffected,
  incidentReports: ko_incidentReports,
  incidentNotices: ko_incidentNotices,
};

const ja = {
  dashboards: ja_dashboards,
  requestDetail: ja_requestDetail,
  embedDemo: ja_embedDemo,
  preferences: ja_preferences,
  apiKeys: ja_apiKeys,
  subjects: ja_subjects,
  outbox: ja_outbox,
  common: ja_common,
  receipts: ja_receipts,
  login: ja_login,
  shell: ja_shell,
  roles: ja_roles,
  errors: ja_errors,
  staff: ja_staff,
  audit: ja_audit,
  overview: ja_overview,
  purposes: ja_purposes,
  requests: ja_requests,
  vocabulary: ja_vocabulary,
  purposeForm: ja_purposeForm,
  review: ja_review,
  purposeDetail: ja_purposeDetail,
  noticeLocales: ja_noticeLocales,
  dataMap: ja_dataMap,
  publicNotice: ja_publicNotice,
  noticeEditor: ja_noticeEditor,
  myRequests: ja_myRequests,
  requestPolicy: ja_requestPolicy,
  brandSettings: ja_brandSettings,
  recipients: ja_recipients,
  deliveries: ja_deliveries,
  search: ja_search,
  twoFactor: ja_twoFactor,
  invite: ja_invite,
  bulk: ja_bulk,
  profile: ja_profile,
  inbox: ja_inbox,
  transparency: ja_transparency,
  privacyPolicy: ja_privacyPolicy,
  dataMapFields: ja_dataMapFields,
  recordOfProcessing: ja_recordOfProcessing,
  incidentDuties: ja_incidentDuties,
  incidents: ja_incidents,
  incidentAffected: ja_incidentAffected,
  incidentReports: ja_incidentReports,
  incidentNotices: ja_incidentNotices,
};

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = { en, ko, ja };
