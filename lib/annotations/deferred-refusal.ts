import { AppError } from "../errors/app-error";

/**
 * A check that reads the database, run while an operation loads and kept for its refusals (after authorising), so
 * that it tells nothing to someone the policy refuses. Only refusals (AppError) are kept; other errors propagate.
 */
export async function deferredRefusal(check: Promise<unknown>): Promise<AppError | null> {
  try {
    await check;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}
