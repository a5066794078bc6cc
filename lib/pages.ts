import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "./errors";

/** For pages: a DAL "not found" (including someone else's id) becomes the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
