#pragma once

// Backoff with full jitter, as the official SDKs do: min(max, min + random(0, min(max, min * 2^attempt))).
struct ReconnectPolicy
{
    int minDelayMs = 500;
    int maxDelayMs = 20000;

    // attempt counts from 0; random01 is in [0, 1). Pure, so tests can pin the randomness.
    int delayMs(int attempt, double random01) const;
};
