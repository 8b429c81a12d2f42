import { migrateDatabase } from "@/db/migrate";
import { databasePath } from "@/db/connection";

const file = databasePath();
migrateDatabase(file);
console.log(`Database migrated: ${file}`);
