/** The one description of our password rule, shown beside every new-password field. */
export const NEW_PASSWORD_HINT = "At least 12 characters; long passphrases welcome. The 3,000 most common passwords are refused.";
