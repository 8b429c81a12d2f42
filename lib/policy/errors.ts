// The policy's refusal is one of lib/errors.ts's typed errors (so the writer thread rebuilds it); named here too.
export { PolicyIncompleteError } from "../errors";
