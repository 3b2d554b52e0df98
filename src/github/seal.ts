/**
 * seal encrypts a value for GitHub with the repository's (environment's, organization's) public key: a libsodium
 * sealed box, base64 (original variant), as GitHub's REST documentation prescribes. libsodium (a bundle chunk of
 * its own, about 420 kB) is loaded here, on the rotate path only, and once.
 */
export async function seal(plaintext: string, publicKeyBase64: string): Promise<string> {
  const { default: sodium } = await import('libsodium-wrappers');
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES)
    throw new Error(`GitHub's public key is ${key.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}.`);
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(plaintext), key), sodium.base64_variants.ORIGINAL);
}
