/** PersonalClient is C1's credential record; the writable fields are the ones this action changes. */
export interface PersonalClient {
  readonly id?: string;
  readonly clientId?: string;
  readonly userId?: string;
  readonly displayName?: string;
  readonly allowSourceCidr?: readonly string[] | null;
  readonly scopedRoles?: readonly string[] | null;
  readonly expiresTime?: string | null;
  readonly createdAt?: string | null;
  readonly updatedAt?: string | null;
  readonly lastUsedAt?: string | null;
  readonly deletedAt?: string | null;
}

/** ClientFields is what an Update carries: only the writable fields. */
export interface ClientFields {
  displayName?: string;
  allowSourceCidr?: string[];
  scopedRoles?: string[];
  expiresTime?: string | null;
}
