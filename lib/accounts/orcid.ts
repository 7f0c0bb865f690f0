/**
 * ORCID iDs: 16 characters in four groups, the last a check character computed with ISO 7064 MOD 11-2
 * (https://support.orcid.org/hc/en-us/articles/360006897674). Accepts the bare iD or its https://orcid.org/ URL.
 */
export function normalizeOrcid(input: string): string | null {
  const bare = input.trim().replace(/^https?:\/\/(www\.)?orcid\.org\//i, "").toUpperCase();
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(bare)) return null;
  const digits = bare.replace(/-/g, "");
  let total = 0;
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? "X" : String(result);
  return check === digits[15] ? bare : null;
}

export const orcidUrl = (orcid: string) => `https://orcid.org/${orcid}`;
