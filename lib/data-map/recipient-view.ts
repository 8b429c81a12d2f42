type PurposeLike = { dataCategories: readonly string[]; recipients: readonly { id: number; transferredFrom: readonly string[] }[] };

/** For one recipient: the jurisdictions whose people's data it takes abroad and the categories its purposes send it. */
export function recipientReach(purposes: readonly PurposeLike[], recipientId: number): { places: string[]; categories: string[] } {
  const places = new Set<string>();
  const categories = new Set<string>();
  for (const p of purposes) {
    const link = p.recipients.find((r) => r.id === recipientId);
    if (!link) continue;
    link.transferredFrom.forEach((j) => places.add(j));
    p.dataCategories.forEach((c) => categories.add(c));
  }
  return { places: [...places].sort(), categories: [...categories] };
}
