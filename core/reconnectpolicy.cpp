#include "reconnectpolicy.h"

#include <QtGlobal>
#include <cmath>

int ReconnectPolicy::delayMs(int attempt, double random01) const
{
    const int capped = qBound(0, attempt, 31);
    const double window = qMin(double(maxDelayMs), double(minDelayMs) * std::pow(2.0, capped));
    const double delay = double(minDelayMs) + qBound(0.0, random01, 1.0) * window;
    return int(qMin(double(maxDelayMs), delay));
}
