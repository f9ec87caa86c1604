#include "scenario.h"

QLatin1String ScenarioStep::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Open:
        return QLatin1String("open");
    case Kind::Send:
        return QLatin1String("send");
    case Kind::Expect:
        return QLatin1String("expect");
    case Kind::Api:
        return QLatin1String("api");
    case Kind::Wait:
        return QLatin1String("wait");
    case Kind::Fault:
        return QLatin1String("fault");
    case Kind::Close:
        return QLatin1String("close");
    }
    return QLatin1String("wait");
}

void Scenario::applyOverrides(const ScenarioSettings &overrides)
{
    if (!overrides.url.isEmpty())
        settings.url = overrides.url;
    if (!overrides.apiUrl.isEmpty())
        settings.apiUrl = overrides.apiUrl;
    if (!overrides.apiKey.isEmpty())
        settings.apiKey = overrides.apiKey;
    if (!overrides.hmacSecret.isEmpty())
        settings.hmacSecret = overrides.hmacSecret;
    if (overrides.timeoutMs > 0)
        settings.timeoutMs = overrides.timeoutMs;
}
