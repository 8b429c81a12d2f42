/** Where scripts/build-writer.ts writes the writer thread's bundle, from the project's folder (ignored by git). */
export const WRITER_BUNDLE_PATH = ".generated/writer.cjs";
