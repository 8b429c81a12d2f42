/**
 * Replaces the store with the Northtrail Outfitters demo.
 *   npm run seed -- [--subjects N] [--events N] [--requests N] [--seed N] [--db path] [--anchor YYYY-MM-DD] [--verify]
 */
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { z } from "zod";
import { databasePath, openDatabase } from "@/db/connection";
import { verifyAuditChain } from "@/db/staff/audit-chain";
import { checkDerivedTables } from "@/db/seed/consistency";
import { seedDefaults, seedDemo } from "./demo-data/seed-demo";

const usage = `Usage: npm run seed -- [options]

  --subjects N         subjects to generate (default ${seedDefaults.subjects})
  --events N           consent events, at least one per subject (default ${seedDefaults.events})
  --requests N         subject requests; 35 or more covers every type and status (default ${seedDefaults.requests})
  --seed N             PRNG seed; the same seed and anchor give the same data (default ${seedDefaults.seed})
  --db PATH            store to replace (default DATABASE_PATH or ./data/candor.db)
  --anchor YYYY-MM-DD  generate data up to this day (default today, UTC)
  --verify             afterwards, re-derive state and rollups from the ledger and check the audit chain
  --help               show this text`;

const count = (max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(max, `must be at most ${max}`);

const argsSchema = z
  .object({
    subjects: count(20_000_000).min(1, "must be at least 1").default(seedDefaults.subjects),
    events: count(500_000_000).default(seedDefaults.events),
    requests: count(100_000).default(seedDefaults.requests),
    seed: count(0xffffffff).default(seedDefaults.seed),
    db: z
      .string()
      .min(1)
      .default(() => databasePath()),
    anchor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must look like 2026-05-01")
      .refine((s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
      }, "is not a real date")
      .optional(),
    verify: z.literal(true).optional(),
    help: z.literal(true).optional(),
  })
  .strict()
  .refine((a) => a.events >= a.subjects, {
    message: "must be at least --subjects: every subject makes one choice or more",
    path: ["events"],
  });

/** "--a 1 --b=2 --flag" → { a: "1", b: "2", flag: true }. */
function parseFlags(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith("--")) throw new Error(`unexpected argument "${token}"`);
    const [name, inline] = token.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) out[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[name] = argv[++i];
    else out[name] = true;
  }
  return out;
}

function fail(message: string): never {
  console.error(`seed: ${message}\n\n${usage}`);
  process.exit(2);
}

function progressReporter(totalSubjects: number, totalEvents: number) {
  if (!process.stderr.isTTY) {
    let nextTenth = 1;
    return {
      update: (s: number, e: number) => {
        if (s >= (totalSubjects * nextTenth) / 10) {
          console.error(`  ${s.toLocaleString("en")} subjects, ${e.toLocaleString("en")} events`);
          while (s >= (totalSubjects * nextTenth) / 10) nextTenth++;
        }
      },
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    { format: " {label} |{bar}| {percentage}% | {value}/{total} | {eta_formatted} left", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const subjects = bars.create(totalSubjects, 0, { label: "subjects" });
  const events = bars.create(totalEvents, 0, { label: "events  " });
  let drawnAt = 0;
  let stopped = false;
  return {
    // The generator runs synchronously, so the bars' own timer never fires: redraw by hand, at most ten times a second.
    update: (s: number, e: number) => {
      subjects.update(s);
      events.setTotal(Math.max(totalEvents, e));
      events.update(e);
      const now = Date.now();
      if (now - drawnAt >= 100) {
        bars.update();
        drawnAt = now;
      }
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bars.update();
      bars.stop();
    },
  };
}

const stageLabels = {
  rollups: "writing daily rollups",
  requests: "writing subject requests and outbox",
  audit: "writing the audit log",
  finishing: "restoring settings and analysing",
} as const;

async function main() {
  let args: z.infer<typeof argsSchema>;
  try {
    const parsed = argsSchema.safeParse(parseFlags(process.argv.slice(2)));
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) =>
        i.code === "unrecognized_keys" ? `unknown option ${i.keys.map((k) => `--${k}`).join(", ")}` : `--${i.path.join(".")} ${i.message}`,
      );
      fail(lines.join("\n      "));
    }
    args = parsed.data;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  const file = path.resolve(args.db);
  const anchor = args.anchor ? new Date(`${args.anchor}T00:00:00Z`) : undefined;
  console.log(
    `Seeding ${file}: ${args.subjects.toLocaleString("en")} subjects, ~${args.events.toLocaleString("en")} events, seed ${args.seed}`,
  );
  const progress = progressReporter(args.subjects, args.events);
  const summary = await seedDemo({
    file,
    subjects: args.subjects,
    events: args.events,
    requests: args.requests,
    seed: args.seed,
    anchor,
    onProgress: ({ subjects, events }) => progress.update(subjects, events),
    onStage: (stage) => {
      progress.stop();
      console.log(`  ${stageLabels[stage]}…`);
    },
  });

  const size = fs.statSync(file).size;
  console.log(`\nDone in ${(summary.ms / 1000).toFixed(1)} s (anchor ${summary.anchor}); ${(size / 1e6).toFixed(1)} MB on disk.`);
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(24)}${n.toLocaleString("en").padStart(12)}`);

  if (args.verify) {
    const db = openDatabase(file);
    try {
      const check = checkDerivedTables(db);
      const audit = verifyAuditChain(db);
      console.log(
        "\nVerify:",
        JSON.stringify(check),
        `audit chain ${audit.broken ? "BROKEN at " + audit.broken.id : "intact"} (${audit.checked} entries)`,
      );
      const bad =
        check.stateMismatches +
        check.channelMismatches +
        check.rollupMismatches +
        check.stateTotalMismatches +
        check.outOfOrderEvents +
        check.cohortMismatches +
        check.moveMismatches +
        check.splitMismatches +
        check.optOutMismatches;
      if (bad > 0 || audit.broken) process.exitCode = 1;
    } finally {
      db.$client.close();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
