import { ConflictError } from "../errors";

/** Publishing (or sending for review) refused while checklist items are missing; `items` names each as "KR.officer". */
export class PolicyIncompleteError extends ConflictError {
  constructor(public items: string[]) {
    super("policy-incomplete");
    this.name = "PolicyIncompleteError";
  }
}
