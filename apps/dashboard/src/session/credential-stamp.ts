import { createHash } from "node:crypto";

/**
 * A short digest of the account's stored password hash, kept in its sessions. When the password
 * changes (here, through the CLI or another process) the stamp no longer matches and every session
 * made with the old password ends at its next request. A rehash at login changes it too, which
 * ends the user's other sessions once, when the hashing parameters were raised.
 */
export function credentialStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 22);
}
