export * from "./schema/staff";
export * from "./schema/purposes";
export * from "./schema/consent";
export * from "./schema/requests";
export * from "./schema/consent-aggregates";
export * from "./schema/propagation";
export * from "./schema/ops";
export * from "./schema/notifications";
