"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/**
 * Whether a new version is a material change, and what changed: asked only when a version is published in this
 * language, since a first version has no readers to tell or ask again.
 */
export function MaterialChange({
  material,
  changeSummary,
  errors,
  onChange,
}: {
  material: boolean;
  changeSummary: string;
  errors?: Record<string, string[] | undefined>;
  onChange: (patch: { material?: boolean; changeSummary?: string }) => void;
}) {
  const t = useTranslations("noticeEditor");
  return (
    <div className="card stack">
      <label className="row" style={{ gap: "0.5rem" }}>
        <input
          type="checkbox"
          name="material"
          checked={material}
          onChange={(e) => onChange({ material: e.target.checked })}
          aria-describedby="material-help"
        />
        {t("material")}
      </label>
      <span id="material-help" className="muted">
        {t("materialHelp")}
      </span>
      <Field label={t("changeSummary")} name="changeSummary" errors={errors?.changeSummary}>
        {(p) => <input {...p} value={changeSummary} onChange={(e) => onChange({ changeSummary: e.target.value })} />}
      </Field>
    </div>
  );
}
