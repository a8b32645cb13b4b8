"""Stage 3b: IR rewrites Speakeasy makes before naming that are not naming themselves."""
